package org.crmgraph.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

class RequestTimeoutTests {

    private static WebGraphQlRequest request() {
        return new WebGraphQlRequest(
                URI.create("http://localhost/graphql"),
                new HttpHeaders(),
                null,
                null,
                Map.of(),
                Map.of("query", "{ customers { totalCount } }"),
                "1",
                null);
    }

    @Test
    void aSlowRequestGetsARequestTimeoutErrorInsteadOfAHangingConnection() {
        var timeout = new RequestTimeout(Duration.ofMillis(50));
        var response = timeout.intercept(request(), r -> Mono.never()).block(Duration.ofSeconds(5));
        assertThat(response).isNotNull();
        assertThat(response.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getExtensions()).containsEntry("code", "REQUEST_TIMEOUT");
            assertThat(e.getMessage()).contains("50 ms", "crm.graphql.request-timeout");
        });
    }

    @Test
    void zeroMeansNoTimeout() {
        var timeout = new RequestTimeout(Duration.ZERO);
        assertThat(timeout.intercept(request(), r -> Mono.empty()).block(Duration.ofSeconds(5)))
                .isNull();
    }
}
