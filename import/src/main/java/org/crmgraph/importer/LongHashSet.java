package org.crmgraph.importer;

/**
 * A set of 64-bit fingerprints in one open-addressing array: 8 to 16 bytes per entry, no boxing.
 * It is what lets an import drop exact duplicate rows of a file of any length while the rows
 * themselves are never kept.
 */
final class LongHashSet {

    private static final long EMPTY = 0L;
    private long[] slots = new long[1 << 12];
    private boolean containsZero;
    private int size;

    /** Adds the value; {@code false} if it was there already. */
    boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !containsZero;
            containsZero = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        if (insert(slots, value)) {
            size++;
            return true;
        }
        return false;
    }

    boolean contains(long value) {
        if (value == EMPTY) {
            return containsZero;
        }
        int mask = slots.length - 1;
        for (int i = spread(value) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == EMPTY) {
                return false;
            }
            if (slots[i] == value) {
                return true;
            }
        }
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        for (int i = spread(value) & mask; ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = value;
                return true;
            }
            if (table[i] == value) {
                return false;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long value : slots) {
            if (value != EMPTY) {
                insert(bigger, value);
            }
        }
        slots = bigger;
    }

    private static int spread(long value) {
        long h = value * 0x9e3779b97f4a7c15L;
        return (int) (h ^ (h >>> 32));
    }
}
