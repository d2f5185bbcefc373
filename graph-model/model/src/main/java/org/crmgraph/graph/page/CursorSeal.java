package org.crmgraph.graph.page;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals cursors with AES-256-GCM (authenticated encryption): a client can neither read the sort key inside a cursor
 * (a customer's name or e-mail when a list is sorted by it) nor edit or forge one, since any change breaks the tag.
 * Every instance that shares a database must seal with the same key, so the key comes from configuration or, when
 * none is configured, from the graph (see {@link CursorKeys}).
 */
public final class CursorSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    // binds the ciphertext to its purpose: a value sealed for something else with the same key does not open here
    private static final byte[] PURPOSE = "crm-graph cursor v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private CursorSeal(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a cursor key has 32 bytes, this one " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static CursorSeal withKey(byte[] key) {
        return new CursorSeal(key.clone());
    }

    /** A key derived from a configured secret of any length (SHA-256 of it). */
    public static CursorSeal fromSecret(String secret) {
        if (secret.length() < 16) {
            throw new IllegalArgumentException("crm.paging.cursor-secret must have at least 16 characters");
        }
        try {
            return new CursorSeal(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** A fresh random key, for tests and for the first instance that needs one. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    String seal(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(PURPOSE);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] token = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, token, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The sealed text, or null when the token was not sealed with this key or was changed in any way (the caller
     * turns that into a client error).
     */
    String open(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(PURPOSE);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }
}
