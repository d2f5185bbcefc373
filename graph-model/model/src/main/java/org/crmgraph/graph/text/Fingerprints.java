package org.crmgraph.graph.text;

/**
 * 64-bit fingerprints of text: FNV-1a over the characters of each value (with a separator), finished
 * with a 64-bit mix (SplitMix64). Used for duplicate import rows, content-derived ids, order keys and
 * whether a ticket's or article's text changed since it was embedded.
 */
public final class Fingerprints {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprints() {}

    /** The fingerprint of a sequence of values; ("ab", "c") and ("a", "bc") differ. */
    public static long of(String... values) {
        long hash = start();
        for (String value : values) {
            hash = add(hash, value);
        }
        return finish(hash);
    }

    /** For a sequence built value by value (e.g. a row's fields): {@code finish(add(add(start(), a), b))}. */
    public static long start() {
        return OFFSET;
    }

    public static long add(long hash, String value) {
        long h = hash;
        if (value == null) {
            h = (h ^ 0x7f) * PRIME;
        } else {
            for (int i = 0; i < value.length(); i++) {
                h = (h ^ value.charAt(i)) * PRIME;
            }
        }
        // a separator, so that ("ab","c") and ("a","bc") differ
        return (h ^ 0x1f) * PRIME;
    }

    public static long finish(long hash) {
        long z = hash + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
