package org.crmgraph.api.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.validation.ErrorCode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses queries that are too deep or too costly before any data is fetched. Cost: each field is 1
 * plus what it selects, times the items it may return: {@code first} (or the default page size) for
 * a paged list, the nested-list limit's tenth for a plain list (an average, not the worst case, so that
 * ordinary screens pass and only multiplying nestings are refused).
 */
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
    MaxQueryComplexityInstrumentation maxQueryComplexity(CrmGraphQlProperties properties, PagingProperties paging) {
        return new MaxQueryComplexityInstrumentation(properties.maxComplexity(), cost(paging)) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return new QueryLimitExceededException(
                        ErrorCode.QUERY_TOO_COMPLEX.name(),
                        "The query could fetch about " + complexity + " values; at most " + maxComplexity
                                + " are allowed (crm.graphql.max-complexity). Ask for smaller pages or fewer nested lists.",
                        complexity,
                        maxComplexity);
            }
        };
    }

    static FieldComplexityCalculator cost(PagingProperties paging) {
        int listAverage = Math.max(1, paging.nestedListLimit() / 10);
        return (env, childComplexity) -> {
            if (env.getFieldDefinition().getArgument("first") != null) {
                Object first = env.getArguments().get("first");
                int items = first instanceof Number n ? Math.max(1, n.intValue()) : paging.defaultPageSize();
                return 1 + items * childComplexity;
            }
            boolean list =
                    GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()) instanceof GraphQLList;
            boolean edgesOfAPage = env.getParentType() instanceof GraphQLNamedType parent
                    && parent.getName().endsWith("Connection");
            return list && !edgesOfAPage ? 1 + listAverage * childComplexity : 1 + childComplexity;
        };
    }
}
