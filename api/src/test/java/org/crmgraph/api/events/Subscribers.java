package org.crmgraph.api.events;

import java.net.URI;
import java.util.Map;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

/** A GraphQL-over-WebSocket client as a subscriber's front end makes one: the key in {@code connection_init}. */
public final class Subscribers {

    private Subscribers() {}

    public static WebSocketGraphQlClient client(int port, String key) {
        return WebSocketGraphQlClient.builder(
                        URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + key));
                    }
                })
                .build();
    }
}
