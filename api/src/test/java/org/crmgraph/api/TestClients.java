package org.crmgraph.api;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphQL clients that go over HTTP through the security filters, as real clients do. The default
 * {@link GraphQlTester} is the test admin (crm.security.admin-key); {@link #as(String)} gives a client
 * with another key, or none.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClients {

    private final ApplicationContext context;
    private final String adminKey;

    TestClients(ApplicationContext context, @Value("${crm.security.admin-key}") String adminKey) {
        this.context = context;
        this.adminKey = adminKey;
    }

    @Bean
    @Primary
    GraphQlTester adminGraphQlTester() {
        return as(adminKey);
    }

    /** A client that sends {@code key} as a bearer token; {@code null} sends no credentials. */
    public HttpGraphQlTester as(String key) {
        WebTestClient.Builder client = http();
        if (key != null) {
            client.defaultHeader("Authorization", "Bearer " + key);
        }
        return HttpGraphQlTester.create(client.build());
    }

    /** A plain HTTP client on the service, for requests that are not GraphQL or must be malformed. */
    public WebTestClient.Builder http() {
        return WebTestClient.bindToServer(new JdkClientHttpConnector())
                .uriBuilderFactory(
                        LocalTestWebServer.obtain(context).withPath("/graphql").uriBuilderFactory())
                .responseTimeout(Duration.ofMinutes(5));
    }

    /** A plain HTTP client on the service's root, for pages and actuator endpoints. */
    public WebTestClient.Builder root() {
        return WebTestClient.bindToServer(new JdkClientHttpConnector())
                .uriBuilderFactory(LocalTestWebServer.obtain(context).uriBuilderFactory())
                .responseTimeout(Duration.ofMinutes(1));
    }

    public String adminKey() {
        return adminKey;
    }
}
