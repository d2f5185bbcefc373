package org.crmgraph.api.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How the GraphQL endpoint treats requests, beyond Boot's own {@code spring.graphql.*}. */
@ConfigurationProperties(prefix = "crm.graphql")
public class CrmGraphQlProperties {

    /** Parsed and validated query documents kept in memory; 0 turns the cache off. */
    private int documentCacheSize = 1000;

    public int getDocumentCacheSize() {
        return documentCacheSize;
    }

    public void setDocumentCacheSize(int documentCacheSize) {
        this.documentCacheSize = documentCacheSize;
    }
}
