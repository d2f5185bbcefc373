package org.crmgraph.graph.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps webhook signing secrets out of the graph's plain text: with {@code crm.webhooks.secret-key} (32 bytes in
 * Base64, the same on every instance, from a secret store) each secret is stored sealed with AES-256-GCM under a fresh
 * nonce, so whoever can read the graph (an analyst in Neo4j Browser, a backup) cannot sign deliveries. Without the key
 * secrets are stored as they are, as before; secrets stored before the key was set keep working.
 */
@Component
public class WebhookSecretBox {

    static final String SEALED = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final @Nullable SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public WebhookSecretBox(@Value("${crm.webhooks.secret-key:}") String configured) {
        if (configured == null || configured.isBlank()) {
            key = null;
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("crm.webhooks.secret-key must be Base64 (32 random bytes)");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "crm.webhooks.secret-key must be 32 bytes in Base64, was " + bytes.length + " bytes");
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    /** What the graph stores for {@code secret}: sealed when a key is configured. */
    public String seal(String secret) {
        if (key == null) {
            return secret;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return SEALED
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a webhook secret", e);
        }
    }

    /**
     * The secret from what the graph stores.
     *
     * @throws IllegalStateException when it is sealed and this instance has no key, or another key
     */
    public String open(String stored) {
        if (!stored.startsWith(SEALED)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException(
                    "webhook secrets in the graph are sealed: set crm.webhooks.secret-key to the key they were sealed with");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a webhook secret was sealed with another key than crm.webhooks.secret-key", e);
        }
    }
}
