package org.crmgraph.api.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.api.security.Caller;
import org.crmgraph.graph.idempotency.IdempotentResponses;
import org.crmgraph.graph.validation.ErrorCode;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mutation sent with an {@code Idempotency-Key} header runs once: a retry with the same key (and the same request)
 * gets the first response back, marked {@code extensions.idempotentReplay: true}, from whichever instance it reaches.
 * The key is scoped by the caller. A request that failed before producing a response (the database was away, the
 * document was invalid) is not remembered, so its retry runs. Queries and subscriptions ignore the header.
 */
@Component
class IdempotencyKeys implements WebGraphQlInterceptor {

    static final String HEADER = "Idempotency-Key";

    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotentResponses responses;
    private final CrmGraphQlProperties properties;
    private final JsonMapper json;

    IdempotencyKeys(IdempotentResponses responses, CrmGraphQlProperties properties, JsonMapper json) {
        this.responses = responses;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String key = request.getHeaders().getFirst(HEADER);
        if (key == null || !isMutation(request)) {
            return chain.next(request);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Mono.just(refused(
                    request,
                    ErrorCode.IDEMPOTENCY_CONFLICT,
                    HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters."));
        }
        Caller caller = Caller.current();
        String scoped = (caller == null ? "" : caller.name()) + "\u0000" + key;
        IdempotentResponses.Claim claim = responses.claim(
                scoped,
                hash(request),
                properties.idempotencyTtl(),
                properties.requestTimeout().plusSeconds(30));
        return switch (claim) {
            case IdempotentResponses.Claim.Replay replay -> Mono.just(replayed(request, replay.response()));
            case IdempotentResponses.Claim.Conflict conflict ->
                Mono.just(refused(request, ErrorCode.IDEMPOTENCY_CONFLICT, conflict.reason()));
            case IdempotentResponses.Claim.Run run ->
                chain.next(request)
                        .doOnNext(response -> remember(scoped, response))
                        .doOnError(failure -> responses.release(scoped));
        };
    }

    private void remember(String key, WebGraphQlResponse response) {
        Map<String, Object> body = response.toMap();
        // nothing ran (invalid document, refused, database away): a retry should run, not get this back
        if (body.get("data") == null) {
            responses.release(key);
            return;
        }
        try {
            responses.complete(key, json.writeValueAsString(body));
        } catch (JacksonException e) {
            responses.release(key);
        }
    }

    @SuppressWarnings("unchecked")
    private WebGraphQlResponse replayed(WebGraphQlRequest request, String stored) {
        Map<String, Object> body;
        try {
            body = json.readValue(stored, Map.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("A stored response could not be read back", e);
        }
        List<GraphQLError> errors = new ArrayList<>();
        for (Object error : (List<Object>) body.getOrDefault("errors", List.of())) {
            Map<String, Object> fields = (Map<String, Object>) error;
            var builder = GraphqlErrorBuilder.newError().message(String.valueOf(fields.get("message")));
            if (fields.get("path") instanceof List<?> path) {
                builder.path((List<Object>) path);
            }
            if (fields.get("extensions") instanceof Map<?, ?> extensions) {
                builder.extensions((Map<String, Object>) extensions);
            }
            errors.add(builder.build());
        }
        Map<Object, Object> extensions = new LinkedHashMap<>();
        if (body.get("extensions") instanceof Map<?, ?> stored2) {
            extensions.putAll(stored2);
        }
        extensions.put("idempotentReplay", true);
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .data(body.get("data"))
                .errors(errors)
                .extensions(extensions)
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    private static WebGraphQlResponse refused(WebGraphQlRequest request, ErrorCode code, String message) {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(Map.of("code", code.name()))
                .build();
        ExecutionResult result =
                ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    /** Whether the operation the request runs is a mutation; an unparsable document is left to the engine's errors. */
    private static boolean isMutation(WebGraphQlRequest request) {
        try {
            Document document = Parser.parse(request.getDocument());
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            String name = request.getOperationName();
            return operations.stream()
                    .filter(o -> name == null ? operations.size() == 1 : name.equals(o.getName()))
                    .anyMatch(o -> o.getOperation() == OperationDefinition.Operation.MUTATION);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String hash(WebGraphQlRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getDocument().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(request.getOperationName()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(request.getVariables()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
