package org.crmgraph.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Analytics settings ({@code crm.analytics.*}).
 *
 * @param concurrency            threads GDS may use per algorithm (Community GDS caps it at 4)
 * @param segments               number of k-means segments over the scaled RFM features
 * @param similarityTopK         {@code SIMILAR_TO} neighbours kept per product and per customer (node similarity
 *                               topK); the customers' neighbours are also the graph the communities are found on
 * @param communityFavourites    products kept per community and per country for "popular in your community"
 *                               and the cold-start fallback
 * @param churnDays              a customer who has bought before and buys nothing for this many days has churned
 * @param evaluationHoldoutDays  the offline recommendation evaluation hides the purchases of the last this many
 *                               days and asks each method to predict them
 * @param refreshAfterImport     run the whole analytics refresh after every import that wrote something
 * @param randomSeed             seed of k-means, Leiden, FastRP and the churn models, so a refresh of the same
 *                               graph gives the same answer
 * @param complementsLambda      the ridge strength of the EASE^R model behind {@code COMPLEMENTS} (larger: weights
 *                               closer to plain co-occurrence)
 * @param exactSimilarityMaxCustomers up to this many buying customers, each is compared with every customer sharing a
 *                               product (exact node similarity); above it, nearest neighbours are searched (GDS KNN
 *                               on the same Jaccard measure, approximate), because exact comparison grows with the
 *                               square of the customers who share popular products: 27 s at 4,300 customers, 13
 *                               minutes at 43,000
 */
@ConfigurationProperties("crm.analytics")
public record AnalyticsProperties(
        Integer concurrency,
        Integer segments,
        Integer similarityTopK,
        Integer communityFavourites,
        Integer churnDays,
        Integer evaluationHoldoutDays,
        Boolean refreshAfterImport,
        Long randomSeed,
        Integer complementsLambda,
        Integer exactSimilarityMaxCustomers) {

    public AnalyticsProperties {
        concurrency = orDefault(concurrency, 2, 1, 4, "concurrency");
        segments = orDefault(segments, 5, 2, 20, "segments");
        similarityTopK = orDefault(similarityTopK, 20, 1, 100, "similarity-top-k");
        communityFavourites = orDefault(communityFavourites, 25, 1, 200, "community-favourites");
        churnDays = orDefault(churnDays, 90, 7, 730, "churn-days");
        evaluationHoldoutDays = orDefault(evaluationHoldoutDays, 30, 1, 365, "evaluation-holdout-days");
        refreshAfterImport = refreshAfterImport == null || refreshAfterImport;
        randomSeed = randomSeed == null ? 42L : randomSeed;
        complementsLambda = orDefault(complementsLambda, 100, 1, 1_000_000, "complements-lambda");
        exactSimilarityMaxCustomers =
                orDefault(exactSimilarityMaxCustomers, 10_000, 0, 100_000_000, "exact-similarity-max-customers");
    }

    public static AnalyticsProperties defaults() {
        return new AnalyticsProperties(null, null, null, null, null, null, null, null, null, null);
    }

    private static int orDefault(Integer value, int fallback, int min, int max, String name) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    "crm.analytics." + name + " must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }
}
