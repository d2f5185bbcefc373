package org.crmgraph.importer.identity;

import java.util.Map;

/**
 * What resolving the people of a batch did.
 *
 * @param created customers created for people seen for the first time
 * @param matched people matched, for the first time in this import, to a customer already in the graph
 * @param written provenance key to the hash of the values written, remembered once the batch commits
 */
public record Resolution(int created, int matched, Map<String, Integer> written) {

    static final Resolution NOTHING = new Resolution(0, 0, Map.of());
}
