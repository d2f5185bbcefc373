package org.crmgraph.api.graphql;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.crmgraph.graph.validation.ErrorCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers a request that runs longer than {@code crm.graphql.request-timeout} with a REQUEST_TIMEOUT
 * error, so a client never waits on a runaway query. Spring's own timeout interceptor answers with a
 * bare HTTP 408; this one keeps the GraphQL error shape that clients already read.
 */
@Component
class RequestTimeout implements WebGraphQlInterceptor {

    private final Duration timeout;

    @Autowired
    RequestTimeout(CrmGraphQlProperties properties) {
        this(properties.requestTimeout());
    }

    RequestTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (timeout.isZero() || timeout.isNegative()) {
            return chain.next(request);
        }
        return chain.next(request)
                .timeout(timeout)
                .onErrorResume(TimeoutException.class, e -> Mono.just(timedOut(request)));
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        var error = GraphqlErrorBuilder.newError()
                .message("The request took longer than " + timeout.toMillis()
                        + " ms and was stopped (crm.graphql.request-timeout).")
                .extensions(Map.of("code", ErrorCode.REQUEST_TIMEOUT.name()))
                .build();
        var result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
