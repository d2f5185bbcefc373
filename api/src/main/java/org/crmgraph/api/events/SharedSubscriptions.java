package org.crmgraph.api.events;

import graphql.ExecutionResult;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.crmgraph.api.security.Caller;
import org.crmgraph.graph.security.Role;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One GraphQL execution per event for all the subscribers of this instance that asked the same subscription (the same
 * document, operation and variables) with the same role: a hundred support agents following {@code ticketEvents}
 * cost one execution of each event, not a hundred, and each gets the same result objects to send.
 *
 * <p>Safe because what a result holds depends only on the event, the document, the variables and the role: masking
 * is by role ({@code @personal}), subscriptions carry no per-caller audit ({@code @audited} is on one query only), and
 * every subscriber still passes authentication, rate limiting, the cost check and the field rules when it subscribes
 * (the request runs through the whole chain; only the stream of results it would have executed is replaced by the
 * shared one, before anybody subscribed to it). Only live subscriptions are shared (no {@code after}): one who joins a
 * running stream gets the events from when it joins, as such a subscriber always does; one that resumes from a
 * position replays on its own. Each has its own buffer ({@code crm.events.subscriber-buffer}),
 * so a slow one ends with an error to resume from, and never holds up the others. The shared execution stops when its
 * last subscriber leaves, and the next one starts a new one.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SharedSubscriptions implements WebGraphQlInterceptor {

    /** What a result depends on. */
    private record Key(String document, String operationName, Map<String, Object> variables, Role role) {}

    /** A running shared execution; {@code over} once its source ended or its last subscriber left. */
    private record Running(Flux<ExecutionResult> results, AtomicBoolean over, AtomicInteger subscribers) {}

    private final Map<Key, Running> running = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final EventsProperties properties;

    SharedSubscriptions(EventsProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)
                || !(socket.getSessionInfo().getAttributes().get(Caller.class.getName()) instanceof Caller caller)) {
            return chain.next(request);
        }
        Key key = new Key(
                request.getDocument(),
                Objects.requireNonNullElse(request.getOperationName(), ""),
                new HashMap<>(request.getVariables()), // may hold nulls, which Map.copyOf refuses
                caller.role());
        return chain.next(request).map(response -> {
            if (!response.isValid() || !(response.getData() instanceof Publisher<?> own) || resumes(request)) {
                // not a subscription, or one that replays from its own position first: joining a running stream
                // would skip what that stream already sent (a reconnecting client is rare; it runs on its own)
                return response;
            }
            Running shared = running.compute(
                    key, (k, current) -> current != null && !current.over().get() ? current : start(k, own));
            Flux<ExecutionResult> mine = shared.results()
                    .onBackpressureBuffer(properties.subscriberBuffer(), BufferOverflowStrategy.ERROR)
                    .doOnSubscribe(subscription -> shared.subscribers().incrementAndGet())
                    .doFinally(signal -> shared.subscribers().decrementAndGet());
            return response.transform(builder -> builder.data(mine));
        });
    }

    @SuppressWarnings("unchecked")
    private Running start(Key key, Publisher<?> source) {
        started.incrementAndGet();
        AtomicBoolean over = new AtomicBoolean();
        Running[] self = new Running[1];
        Flux<ExecutionResult> results = Flux.from((Publisher<ExecutionResult>) source)
                .doFinally(signal -> {
                    over.set(true);
                    running.remove(key, self[0]);
                })
                .publish()
                .refCount(1);
        self[0] = new Running(results, over, new AtomicInteger());
        return self[0];
    }

    /**
     * Whether the subscription asks to resume: its root field's {@code after} (every event subscription has one) is
     * given, as a literal or as a variable with a value.
     */
    static boolean resumes(WebGraphQlRequest request) {
        Document document;
        try {
            document = Parser.parse(request.getDocument());
        } catch (RuntimeException e) {
            return true; // not shared; the execution reports what is wrong with it
        }
        String name = request.getOperationName();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (name != null && !name.equals(operation.getName())) {
                continue;
            }
            for (Field field : operation.getSelectionSet().getSelectionsOfType(Field.class)) {
                for (Argument argument : field.getArguments()) {
                    if (!argument.getName().equals("after") || argument.getValue() instanceof NullValue) {
                        continue;
                    }
                    if (!(argument.getValue() instanceof VariableReference variable)
                            || request.getVariables().get(variable.getName()) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** How many shared executions were started here since the start (for tests). */
    long started() {
        return started.get();
    }

    /** How many subscribers follow a shared execution of this document here now (for tests). */
    int subscribers(String document) {
        return running.entrySet().stream()
                .filter(e -> e.getKey().document().equals(document))
                .mapToInt(e -> e.getValue().subscribers().get())
                .sum();
    }
}
