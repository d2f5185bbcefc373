package org.crmgraph.importer.identity.matching;

/**
 * What one field says about a pair.
 *
 * @param field  the comparison ({@code GIVEN_NAME}, {@code BIRTH_DATE}, ...)
 * @param level  its level's name ({@code EXACT}, {@code TYPO_OR_SWAPPED_DAY_MONTH}, {@code MISSING}, ...)
 * @param weight the match weight: log2 of how much likelier this level is among matches than among non-matches;
 *               positive is evidence for one person, negative against, 0 for a missing value
 */
public record FieldEvidence(String field, String level, double weight) {}
