package org.crmgraph.importer.write;

import org.crmgraph.graph.text.Fingerprints;

/**
 * Ids for rows whose source gives none (a labelled ticket export, an event log): derived from the
 * source name and the row's content, so re-importing the same row finds the same node.
 */
final class ContentIds {

    private ContentIds() {}

    static String of(String prefix, String source, long fingerprint) {
        return prefix + String.format("%016x", Fingerprints.of(source, Long.toString(fingerprint)));
    }
}
