package org.crmgraph.importer.identity;

import java.util.Map;

/**
 * Which customer each person of a batch resolved to.
 *
 * @param customerIds by provenance key, for the people this batch wrote
 * @param created     customers created for people seen for the first time
 * @param matched     people matched, for the first time in this import, to a customer already in the graph
 * @param written     provenance key to the hash of the values written, remembered once the batch commits
 */
public record Resolution(Map<String, String> customerIds, int created, int matched, Map<String, Integer> written) {

    public Resolution(Map<String, String> customerIds, int created, int matched) {
        this(customerIds, created, matched, Map.of());
    }
}
