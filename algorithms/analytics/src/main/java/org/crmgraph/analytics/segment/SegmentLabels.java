package org.crmgraph.analytics.segment;

import java.util.HashMap;
import java.util.Map;

/**
 * Names a segment from its centroid in standard scores (0 = the average customer): recency in days (higher is
 * longer ago) and value, the mean of the log-frequency and log-monetary scores. The names follow the usual RFM
 * segment vocabulary, so a marketer recognises them.
 */
final class SegmentLabels {

    private final Map<String, Integer> used = new HashMap<>();

    String label(double recencyZ, double frequencyZ, double monetaryZ) {
        double value = (frequencyZ + monetaryZ) / 2;
        String label;
        if (recencyZ >= 0.5) {
            label = value >= 0.5 ? "at risk high spenders" : value >= -0.3 ? "slipping regulars" : "lost low spenders";
        } else if (recencyZ <= -0.5) {
            label = value >= 1.0
                    ? "champions"
                    : value >= 0.3
                            ? "loyal high spenders"
                            : value >= -0.3 ? "promising regulars" : "new or one-off buyers";
        } else {
            label = value >= 0.5 ? "loyal customers" : value >= -0.3 ? "needs attention" : "occasional low spenders";
        }
        int seen = used.merge(label, 1, Integer::sum);
        return seen == 1 ? label : label + " (" + seen + ")";
    }
}
