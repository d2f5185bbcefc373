package org.crmgraph.api.security;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLTypeUtil;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.security.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an audited GraphQL call into an {@code AuditEvent}: the operation, the id it was about (an
 * {@code ID} argument, else the id of what the payload returns), the names of the input fields sent,
 * and the outcome. Values are never recorded.
 */
@Component
class AuditRecorder {

    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);

    private final AuditTrail trail;

    AuditRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    void denied(DataFetchingEnvironment env, Caller caller) {
        write(env, caller, null, "DENIED", null);
    }

    void failed(DataFetchingEnvironment env, Caller caller, Throwable failure) {
        write(env, caller, null, "FAILED", failure.getClass().getSimpleName());
    }

    void completed(DataFetchingEnvironment env, Caller caller, Object result) {
        List<String> codes = userErrorCodes(result);
        write(
                env,
                caller,
                result,
                codes.isEmpty() ? "OK" : "REJECTED",
                codes.isEmpty() ? null : String.join(",", codes));
    }

    private void write(DataFetchingEnvironment env, Caller caller, Object result, String outcome, String detail) {
        String operation = env.getField().getName();
        try {
            trail.record(
                    caller == null ? "anonymous" : caller.name(),
                    caller == null ? null : caller.role(),
                    operation,
                    target(env, result),
                    fields(env),
                    outcome,
                    detail);
        } catch (RuntimeException e) {
            // the change itself is committed; losing its audit record is logged loudly rather than reported as a failed
            // change
            log.error(
                    "Could not write the audit event of {} ({}) by {}",
                    operation,
                    outcome,
                    caller == null ? "anonymous" : caller.name(),
                    e);
        }
    }

    static String target(DataFetchingEnvironment env, Object result) {
        List<String> ids = new ArrayList<>();
        for (GraphQLArgument argument : env.getFieldDefinition().getArguments()) {
            if ("ID".equals(GraphQLTypeUtil.unwrapAll(argument.getType()).getName())) {
                Object value = env.getArgument(argument.getName());
                if (value instanceof Collection<?> many) {
                    many.forEach(v -> ids.add(String.valueOf(v)));
                } else if (value != null) {
                    ids.add(String.valueOf(value));
                }
            }
        }
        if (ids.isEmpty() && result != null) {
            String produced = producedId(result);
            if (produced != null) {
                ids.add(produced);
            }
        }
        return ids.isEmpty() ? null : String.join(",", ids);
    }

    static List<String> fields(DataFetchingEnvironment env) {
        List<String> names = new ArrayList<>();
        env.getArguments().forEach((name, value) -> {
            if (value instanceof Map<?, ?> input) {
                input.keySet().forEach(k -> names.add(name + "." + k));
            } else {
                names.add(name);
            }
        });
        names.sort(null);
        return names;
    }

    /** The id of the first record component of the payload that has one, e.g. {@code CustomerPayload.customer.id}. */
    private static String producedId(Object payload) {
        if (!payload.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            try {
                Object value = read(component, payload);
                if (value != null && value.getClass().isRecord()) {
                    for (RecordComponent inner : value.getClass().getRecordComponents()) {
                        if (inner.getName().equals("id") || inner.getName().equals("sku")) {
                            return String.valueOf(read(inner, value));
                        }
                    }
                }
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> userErrorCodes(Object payload) {
        if (payload == null || !payload.getClass().isRecord()) {
            return List.of();
        }
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            if (component.getName().equals("errors")) {
                try {
                    if (read(component, payload) instanceof List<?> errors && !errors.isEmpty()) {
                        return errors.stream()
                                .map(AuditRecorder::code)
                                .distinct()
                                .toList();
                    }
                } catch (ReflectiveOperationException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    /** Payloads are records nested in controllers, not public: their accessors need opening. */
    private static Object read(RecordComponent component, Object record) throws ReflectiveOperationException {
        var accessor = component.getAccessor();
        accessor.setAccessible(true);
        return accessor.invoke(record);
    }

    private static String code(Object error) {
        if (error.getClass().isRecord()) {
            for (RecordComponent component : error.getClass().getRecordComponents()) {
                if (component.getName().equals("code")) {
                    try {
                        return String.valueOf(read(component, error));
                    } catch (ReflectiveOperationException e) {
                        break;
                    }
                }
            }
        }
        return "ERROR";
    }
}
