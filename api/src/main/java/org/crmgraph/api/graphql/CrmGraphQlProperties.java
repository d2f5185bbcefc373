package org.crmgraph.api.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the GraphQL endpoint treats requests, beyond Boot's own {@code spring.graphql.*} ({@code crm.graphql.*}).
 *
 * @param documentCacheSize parsed and validated query documents kept in memory; 0 turns the cache off
 * @param maxDepth          deepest nesting of fields a query may have; deeper ones fail with QUERY_TOO_DEEP before
 *                          running
 * @param maxComplexity     largest estimated cost of a query: about the number of values it could fetch (page sizes
 *                          and nested-list caps multiply what they select), with model, vector-search and graph
 *                          algorithm fields priced by their {@code @cost} in the schema; costlier ones fail with
 *                          QUERY_TOO_COMPLEX before running
 * @param maxFields         most field selections in one request (aliases and fragments counted)
 * @param maxExpensiveFields most selections of fields with a {@code @cost} weight of 100 or more in one request
 * @param maxRequestBytes   largest request body accepted; larger ones are refused with 413 before parsing
 * @param documentCacheBytes parsed query documents kept in memory are bounded by their text's size in bytes too
 * @param requestTimeout    longest a request may run; then the client gets a REQUEST_TIMEOUT error (the database work
 *                          is not rolled back if it already committed)
 * @param idempotencyTtl    how long the response to a mutation sent with an {@code Idempotency-Key} header is replayed
 *                          to retries with the same key
 * @param trustedDocuments  a folder of registered query documents ({@code *.graphql}, one operation document each);
 *                          clients may send {@code documentId: "sha256:<hex of the file's bytes>"} instead of the text.
 *                          Empty: none
 * @param onlyTrustedDocuments refuse any document that is not registered (production clients with a fixed set of
 *                          queries); the folder must then hold them
 */
@ConfigurationProperties(prefix = "crm.graphql")
public record CrmGraphQlProperties(
        @DefaultValue("1000") int documentCacheSize,
        @DefaultValue("15") int maxDepth,
        @DefaultValue("100000") int maxComplexity,
        @DefaultValue("500") int maxFields,
        @DefaultValue("5") int maxExpensiveFields,
        @DefaultValue("262144") int maxRequestBytes,
        @DefaultValue("8388608") long documentCacheBytes,
        @DefaultValue("60s") Duration requestTimeout,
        @DefaultValue("24h") Duration idempotencyTtl,
        @DefaultValue("") String trustedDocuments,
        @DefaultValue("false") boolean onlyTrustedDocuments) {}
