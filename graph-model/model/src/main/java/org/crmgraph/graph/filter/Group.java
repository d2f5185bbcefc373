package org.crmgraph.graph.filter;

import java.util.Map;

/**
 * One group of an aggregation.
 *
 * @param key    the grouped values by name (a field not grouped by is absent); {@code period} is the bucket's start
 * @param count  how many nodes are in the group
 * @param values sums, minima, maxima of the aggregated numeric fields by name ({@code sum}, {@code min}, {@code max}),
 *               empty when the aggregation has none
 */
public record Group(Map<String, Object> key, long count, Map<String, Double> values) {}
