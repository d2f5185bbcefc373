package org.crmgraph.importer.identity;

import org.apache.commons.codec.digest.DigestUtils;

/** A candidate pair's id: {@code dup-} and a hash of its two source records' keys, in either order. */
final class DuplicateCandidateIds {

    private DuplicateCandidateIds() {}

    static String of(String keyA, String keyB) {
        String pair = keyA.compareTo(keyB) <= 0 ? keyA + "\n" + keyB : keyB + "\n" + keyA;
        return "dup-" + DigestUtils.sha256Hex(pair).substring(0, 16);
    }
}
