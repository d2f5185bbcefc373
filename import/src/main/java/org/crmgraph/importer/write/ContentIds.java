package org.crmgraph.importer.write;

/**
 * Ids for rows whose source gives none (a labelled ticket export, an event log): derived from the
 * source name and the row's content, so re-importing the same row finds the same node.
 */
final class ContentIds {

    private ContentIds() {}

    static String of(String prefix, String source, long fingerprint) {
        long h = fingerprint;
        for (int i = 0; i < source.length(); i++) {
            h = (h ^ source.charAt(i)) * 0x100000001b3L;
        }
        return prefix + String.format("%016x", h);
    }
}
