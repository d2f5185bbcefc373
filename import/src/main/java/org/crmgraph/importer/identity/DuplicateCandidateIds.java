package org.crmgraph.importer.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A candidate pair's id: {@code dup-} and a hash of its two source records' keys, in either order. */
final class DuplicateCandidateIds {

    private DuplicateCandidateIds() {}

    static String of(String keyA, String keyB) {
        String pair = keyA.compareTo(keyB) <= 0 ? keyA + "\n" + keyB : keyB + "\n" + keyA;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.getBytes(StandardCharsets.UTF_8));
            return "dup-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
