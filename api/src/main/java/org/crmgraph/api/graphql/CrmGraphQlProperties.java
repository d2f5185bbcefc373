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
 * @param maxComplexity     largest estimated cost of a query (about the number of values it could fetch: page sizes
 *                          multiply what they select); costlier ones fail with QUERY_TOO_COMPLEX before running
 * @param requestTimeout    longest a request may run; then the client gets a REQUEST_TIMEOUT error (the database work
 *                          is not rolled back if it already committed)
 */
@ConfigurationProperties(prefix = "crm.graphql")
public record CrmGraphQlProperties(
        @DefaultValue("1000") int documentCacheSize,
        @DefaultValue("15") int maxDepth,
        @DefaultValue("20000") int maxComplexity,
        @DefaultValue("60s") Duration requestTimeout) {}
