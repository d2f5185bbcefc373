package org.crmgraph.api.graphql;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.validation.ErrorCode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refuses queries that are too deep ({@code crm.graphql.max-depth}) or too costly ({@link QueryCost}) before any data is fetched. */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(CrmGraphQlProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new QueryLimitExceededException(
                        ErrorCode.QUERY_TOO_DEEP.name(),
                        "The query nests " + depth + " levels deep; at most " + maxDepth
                                + " are allowed (crm.graphql.max-depth).",
                        depth,
                        maxDepth);
            }
        };
    }

    @Bean
    QueryCost queryCost(CrmGraphQlProperties properties, PagingProperties paging) {
        return new QueryCost(properties, paging);
    }
}
