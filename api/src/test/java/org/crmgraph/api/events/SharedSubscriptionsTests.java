package org.crmgraph.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.crmgraph.api.security.Caller;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.Exceptions;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class SharedSubscriptionsTests {

    private static WebGraphQlRequest request(String document, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return new WebGraphQlRequest(
                URI.create("ws://localhost/graphql"),
                new HttpHeaders(),
                new LinkedMultiValueMap<>(),
                null,
                Map.of(),
                body,
                "1",
                Locale.ROOT);
    }

    @Test
    void aSubscriptionWithAPositionResumesAndOneWithoutIsLive() {
        String withVariable = "subscription($after: ID) { ticketEvents(after: $after) { type } }";
        Map<String, Object> none = new HashMap<>();
        none.put("after", null);
        assertThat(SharedSubscriptions.resumes(request(withVariable, none))).isFalse();
        assertThat(SharedSubscriptions.resumes(request(withVariable, Map.of()))).isFalse();
        assertThat(SharedSubscriptions.resumes(request(withVariable, Map.of("after", "12"))))
                .isTrue();
        assertThat(SharedSubscriptions.resumes(
                        request("subscription { ticketEvents(after: \"12\") { type } }", Map.of())))
                .isTrue();
        assertThat(SharedSubscriptions.resumes(
                        request("subscription { ticketEvents(after: null) { type } }", Map.of())))
                .isFalse();
        assertThat(SharedSubscriptions.resumes(request("subscription { ticketEvents { type } }", Map.of())))
                .isFalse();
        // a document that does not parse is never shared: its own execution reports the error
        assertThat(SharedSubscriptions.resumes(request("subscription { ticketEvents(", Map.of())))
                .isTrue();
    }

    private static final String LIVE = "subscription { ticketEvents { type } }";

    private static WebSocketGraphQlRequest socketRequest(Role role) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(Caller.class.getName(), new Caller("key:" + role, role));
        WebSocketSessionInfo session = new WebSocketSessionInfo() {
            @Override
            public String getId() {
                return "session-" + role;
            }

            @Override
            public Map<String, Object> getAttributes() {
                return attributes;
            }

            @Override
            public URI getUri() {
                return URI.create("ws://localhost/graphql");
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }

            @Override
            public Mono<Principal> getPrincipal() {
                return Mono.empty();
            }

            @Override
            public InetSocketAddress getRemoteAddress() {
                return null;
            }
        };
        return new WebSocketGraphQlRequest(
                URI.create("ws://localhost/graphql"),
                new HttpHeaders(),
                new LinkedMultiValueMap<>(),
                null,
                Map.of(),
                Map.of("query", LIVE),
                "1",
                Locale.ROOT,
                session);
    }

    @SuppressWarnings("unchecked")
    private static Flux<ExecutionResult> results(WebGraphQlResponse response) {
        return Flux.from((org.reactivestreams.Publisher<ExecutionResult>) response.getData());
    }

    // the attack: one subscriber of a shared stream stops reading; the other must get every event, and the stalled one
    // an overflow to resume from, not the server holding everything for it
    @Test
    void aStalledSubscriberOfASharedStreamIsEndedWithAnOverflowAndNeverHoldsUpTheOthers() {
        var shared =
                new SharedSubscriptions(new EventsProperties(Duration.ofMillis(200), Duration.ofDays(7), 10_000, 5));
        Sinks.Many<ExecutionResult> events = Sinks.many().multicast().directBestEffort();
        AtomicInteger executions = new AtomicInteger();
        List<WebGraphQlResponse> responses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            WebSocketGraphQlRequest request = socketRequest(Role.AGENT);
            responses.add(shared.intercept(request, next -> {
                        executions.incrementAndGet();
                        ExecutionResult own = ExecutionResultImpl.newExecutionResult()
                                .data(events.asFlux())
                                .build();
                        return Mono.just(new WebGraphQlResponse(
                                new DefaultExecutionGraphQlResponse(next.toExecutionInput(), own)));
                    })
                    .block());
        }
        // every subscriber passes the whole chain (authentication, limits, cost) on its own
        assertThat(executions.get()).isEqualTo(2);
        assertThat(shared.started()).isOne();

        AtomicReference<Throwable> stalledError = new AtomicReference<>();
        AtomicInteger stalledGot = new AtomicInteger();
        BaseSubscriber<ExecutionResult> stalled = new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(ExecutionResult value) {
                stalledGot.incrementAndGet();
            }

            @Override
            protected void hookOnError(Throwable failure) {
                stalledError.set(failure);
            }
        };
        results(responses.get(0)).subscribe(stalled);
        List<ExecutionResult> reader = new ArrayList<>();
        results(responses.get(1)).subscribe(reader::add);
        assertThat(shared.subscribers(LIVE)).isEqualTo(2);

        for (int i = 0; i < 600; i++) {
            events.tryEmitNext(ExecutionResultImpl.newExecutionResult()
                    .data(Map.of("n", i))
                    .build());
        }
        assertThat(reader).hasSize(600);
        assertThat(stalledGot.get()).isOne();
        stalled.request(Long.MAX_VALUE);
        assertThat(stalledError.get())
                .isNotNull()
                .satisfies(e -> assertThat(Exceptions.isOverflow(e)).isTrue());
        assertThat(stalledGot.get()).isLessThanOrEqualTo(1 + 5);

        // the reader goes on after the stalled one is gone
        events.tryEmitNext(
                ExecutionResultImpl.newExecutionResult().data(Map.of("n", 600)).build());
        assertThat(reader).hasSize(601);
        assertThat(shared.subscribers(LIVE)).isOne();
    }

    @Test
    void anotherRoleGetsAnExecutionOfItsOwn() {
        var shared =
                new SharedSubscriptions(new EventsProperties(Duration.ofMillis(200), Duration.ofDays(7), 10_000, 5));
        for (Role role : List.of(Role.AGENT, Role.READ_ONLY, Role.AGENT)) {
            WebGraphQlResponse response = shared.intercept(
                            socketRequest(role),
                            next -> Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                                    next.toExecutionInput(),
                                    ExecutionResultImpl.newExecutionResult()
                                            .data(Flux.never())
                                            .build()))))
                    .block();
            results(response).subscribe();
        }
        assertThat(shared.started()).isEqualTo(2);
    }
}
