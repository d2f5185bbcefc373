package org.crmgraph.analytics.segment;

/**
 * A k-means segment of buying customers, described by its members' average raw metrics (the centroid in the
 * units an analyst reads) and a label derived from where that centroid lies against all customers.
 *
 * @param id 1 for the most valuable segment, k for the least
 */
public record Segment(int id, String label, int size, double recencyDays, double frequency, double monetary) {}
