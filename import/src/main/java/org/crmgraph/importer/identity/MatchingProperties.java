package org.crmgraph.importer.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Probabilistic identity resolution ({@code crm.identity.matching.*}); see README, "Identity resolution".
 *
 * @param enabled               compare new source records with their blocks after every import, streaming request
 *                              and created customer (default true); exact keys (source id, e-mail, phone) resolve
 *                              people either way
 * @param autoMergeThreshold    a pair at least this likely to be one person is merged without review (default 0.99;
 *                              measured on FEBRL: precision 1.0 in this band, see docs/benchmarks.md)
 * @param reviewThreshold       a pair at least this likely, and below the automatic band, waits in the review queue
 *                              (default 0.5); below it nothing happens
 * @param maxBlockSize          a block with more records than this finds no candidates (default 100): a key shared
 *                              that widely says little and would compare too many pairs
 * @param sharedIdentifierNames an e-mail or phone used by at least this many distinct family names is shared (an
 *                              {@code info@} address, a switchboard) and is no evidence (default 3)
 * @param minPairsToEstimate    candidate pairs needed before the model is estimated from the data; fewer keep the
 *                              built-in priors (default 200)
 * @param maxPairsToEstimate    candidate pairs the estimation reads at most (default 100,000: some 30
 *                              parameters are estimated; more pairs move them little and cost reading time)
 * @param givenNameConflictsToReview a pair whose given names disagree outright (no typo, nickname or initial
 *                              explains it) is never merged automatically, however strong the rest (default true):
 *                              twins at one address look like that. FEBRL also corrupts duplicates so; off, its
 *                              automatic recall rises from 0.85 to 0.98 (docs/benchmarks.md)
 */
@ConfigurationProperties("crm.identity.matching")
public record MatchingProperties(
        Boolean enabled,
        Double autoMergeThreshold,
        Double reviewThreshold,
        Integer maxBlockSize,
        Integer sharedIdentifierNames,
        Integer minPairsToEstimate,
        Integer maxPairsToEstimate,
        Boolean givenNameConflictsToReview) {

    public static final MatchingProperties DEFAULTS =
            new MatchingProperties(null, null, null, null, null, null, null, null);

    public MatchingProperties {
        enabled = enabled == null || enabled;
        autoMergeThreshold = autoMergeThreshold == null ? 0.99 : autoMergeThreshold;
        reviewThreshold = reviewThreshold == null ? 0.5 : reviewThreshold;
        maxBlockSize = maxBlockSize == null ? 100 : maxBlockSize;
        sharedIdentifierNames = sharedIdentifierNames == null ? 3 : sharedIdentifierNames;
        minPairsToEstimate = minPairsToEstimate == null ? 200 : minPairsToEstimate;
        maxPairsToEstimate = maxPairsToEstimate == null ? 100_000 : maxPairsToEstimate;
        givenNameConflictsToReview = givenNameConflictsToReview == null || givenNameConflictsToReview;
        if (!(reviewThreshold > 0 && reviewThreshold <= autoMergeThreshold && autoMergeThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "crm.identity.matching: need 0 < review-threshold <= auto-merge-threshold <= 1");
        }
        if (maxBlockSize < 2 || sharedIdentifierNames < 2) {
            throw new IllegalArgumentException(
                    "crm.identity.matching: max-block-size and shared-identifier-names must be at least 2");
        }
    }
}
