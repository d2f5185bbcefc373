package org.crmgraph.api.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How the GraphQL endpoint treats requests, beyond Boot's own {@code spring.graphql.*}. */
@ConfigurationProperties(prefix = "crm.graphql")
public class CrmGraphQlProperties {

    /** Parsed and validated query documents kept in memory; 0 turns the cache off. */
    private int documentCacheSize = 1000;

    /** Deepest nesting of fields a query may have; deeper ones fail with QUERY_TOO_DEEP before running. */
    private int maxDepth = 15;

    /**
     * Largest estimated cost of a query (about the number of values it could fetch: page sizes multiply what
     * they select); costlier ones fail with QUERY_TOO_COMPLEX before running.
     */
    private int maxComplexity = 20_000;

    /** Longest a request may run; then the client gets a REQUEST_TIMEOUT error (the database work is not rolled back if it already committed). */
    private Duration requestTimeout = Duration.ofSeconds(60);

    public int getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public int getMaxComplexity() {
        return maxComplexity;
    }

    public void setMaxComplexity(int maxComplexity) {
        this.maxComplexity = maxComplexity;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getDocumentCacheSize() {
        return documentCacheSize;
    }

    public void setDocumentCacheSize(int documentCacheSize) {
        this.documentCacheSize = documentCacheSize;
    }
}
