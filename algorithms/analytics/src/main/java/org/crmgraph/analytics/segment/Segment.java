package org.crmgraph.analytics.segment;

/**
 * A k-means segment of buying customers, described by its members' average raw metrics (the centroid in the
 * units an analyst reads) and a label derived from where that centroid lies against all customers.
 *
 * @param id   stable across refreshes (see {@link org.crmgraph.analytics.StableIds})
 * @param rank 1 for the most valuable segment, k for the least
 */
public record Segment(
        int id, int rank, String label, int size, double recencyDays, double frequency, double monetary) {}
