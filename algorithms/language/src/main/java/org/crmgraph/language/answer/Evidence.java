package org.crmgraph.language.answer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one answer is ranked from, read in one transaction: the nearest articles and resolved tickets, the
 * asking customer's products, the feedback given on near-identical past questions (signed and weighted by how
 * near, per source), and the classifier version to use.
 */
record Evidence(
        List<Candidate> articles,
        List<Candidate> tickets,
        Set<String> ownedProducts,
        Set<String> openTicketProducts,
        Map<String, Double> feedback,
        Map<String, Integer> feedbackVotes,
        Long classifierVersion) {

    static String key(SourceKind kind, String id) {
        return kind + ":" + id;
    }
}
