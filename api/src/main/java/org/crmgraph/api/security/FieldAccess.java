package org.crmgraph.api.security;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.crmgraph.graph.privacy.WrittenByCustomer;
import org.crmgraph.graph.security.Role;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Enforces the schema's access directives on every data fetcher, so the rules live in one place that
 * front-end developers read too ({@code schema.graphqls}):
 * <ul>
 *   <li>{@code @allowed(roles: [...])}: the roles that may use a field (ADMIN always may); the call is refused
 *       with FORBIDDEN before the controller runs. Every Query and Mutation field must carry it, or the service
 *       does not start: a new operation is closed until someone decides who may use it.</li>
 *   <li>{@code @personal(kind: ...)}: the value is masked for roles that may not see personal data.</li>
 *   <li>{@code @personalArgument}: roles that see masked values may not filter or sort by it
 *       ({@link PersonalArguments}).</li>
 *   <li>{@code @audited}, and every mutation: the call and its outcome go to the audit trail.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class FieldAccess {

    static final String ALLOWED = "allowed";
    static final String PERSONAL = "personal";
    static final String AUDITED = "audited";
    static final String CALLER = Caller.class.getName();

    @Bean
    RuntimeWiringConfigurer accessDirectives(AuditRecorder audit) {
        return wiring -> wiring.directive(ALLOWED, new AllowedWiring(audit))
                .directive(PERSONAL, new PersonalWiring())
                .directiveWiring(new NestedPersonalArgumentsWiring());
    }

    /**
     * The caller, read once per request into the GraphQL context, so that field-level rules need no thread-local
     * lookup and property fields stay "trivial" to graphql-java and Spring (no observation or context restore per
     * value: wrapping them without this cost the ticket page about a third of its time).
     */
    @Bean
    WebGraphQlInterceptor callerInGraphQlContext() {
        return (request, chain) -> {
            Caller caller = Caller.current();
            if (caller != null) {
                request.configureExecutionInput((input, builder) ->
                        builder.graphQLContext(Map.of(CALLER, caller)).build());
            }
            return chain.next(request);
        };
    }

    static Caller caller(DataFetchingEnvironment env) {
        Caller caller = env.getGraphQlContext().get(CALLER);
        return caller != null ? caller : Caller.current();
    }

    /** Fails the start when a root field has no {@code @allowed}: nobody decided who may call it. */
    @Bean
    InitializingBean everyOperationHasAnAccessRule(GraphQlSource source) {
        return () -> {
            GraphQLSchema schema = source.schema();
            List<String> open = new ArrayList<>();
            for (GraphQLObjectType root : new GraphQLObjectType[] {
                schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()
            }) {
                if (root == null) {
                    continue;
                }
                for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                    if (field.getAppliedDirective(ALLOWED) == null) {
                        open.add(root.getName() + "." + field.getName());
                    }
                }
            }
            if (!open.isEmpty()) {
                throw new IllegalStateException("Operations without an @allowed rule in schema.graphqls: " + open);
            }
        };
    }

    static List<String> allowedRoles(GraphQLFieldDefinition field) {
        GraphQLAppliedDirective directive = field.getAppliedDirective(ALLOWED);
        if (directive == null) {
            return List.of();
        }
        GraphQLAppliedDirectiveArgument roles = directive.getArgument("roles");
        List<String> names = new ArrayList<>();
        Object value = roles.getValue();
        if (value instanceof List<?> list) {
            list.forEach(v -> names.add(String.valueOf(v)));
        }
        return names;
    }

    private static final class AllowedWiring implements SchemaDirectiveWiring {

        private final AuditRecorder audit;

        AllowedWiring(AuditRecorder audit) {
            this.audit = audit;
        }

        @Override
        public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> env) {
            GraphQLFieldDefinition field = env.getElement();
            String parent = env.getFieldsContainer().getName();
            List<String> allowed = new ArrayList<>(allowedRoles(field));
            if (!allowed.contains(Role.ADMIN.name())) {
                allowed.add(Role.ADMIN.name());
            }
            boolean audited = "Mutation".equals(parent) || field.getAppliedDirective(AUDITED) != null;
            boolean personalArguments = PersonalArguments.mayCarryPersonalData(field);
            DataFetcher<?> delegate = env.getFieldDataFetcher();
            DataFetcher<?> guarded = fetching -> {
                Caller caller = caller(fetching);
                if (caller == null || !allowed.contains(caller.role().name())) {
                    if (audited) {
                        audit.denied(fetching, caller);
                    }
                    throw new AccessRefusedException(parent + "." + field.getName(), caller, allowed);
                }
                if (personalArguments) {
                    PersonalArguments.check(field, fetching.getArguments(), caller.role());
                }
                if (!audited) {
                    return delegate.get(fetching);
                }
                Object result;
                try {
                    result = delegate.get(fetching);
                } catch (Exception | Error e) {
                    audit.failed(fetching, caller, e);
                    throw e;
                }
                if (result instanceof CompletionStage<?> stage) {
                    return stage.whenComplete((value, failure) -> {
                        if (failure != null) {
                            audit.failed(fetching, caller, failure);
                        } else {
                            audit.completed(fetching, caller, value);
                        }
                    });
                }
                audit.completed(fetching, caller, result);
                return result;
            };
            env.getCodeRegistry().dataFetcher(FieldCoordinates.coordinates(parent, field.getName()), guarded);
            return field;
        }
    }

    /**
     * Fields below the root with arguments that can carry personal data (a product's {@code buyersConnection(where:
     * {email: ...})}) are checked like root fields: a filter on a masked value is refused wherever it is written.
     * Called for every field of the schema; only those fields are wrapped, so the rest pay nothing.
     */
    private static final class NestedPersonalArgumentsWiring implements SchemaDirectiveWiring {

        @Override
        public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> env) {
            GraphQLFieldDefinition field = env.getElement();
            if (field.getAppliedDirective(ALLOWED) != null || !PersonalArguments.mayCarryPersonalData(field)) {
                return field;
            }
            String parent = env.getFieldsContainer().getName();
            DataFetcher<?> delegate = env.getFieldDataFetcher();
            DataFetcher<?> checked = fetching -> {
                Caller caller = caller(fetching);
                if (caller != null) {
                    PersonalArguments.check(field, fetching.getArguments(), caller.role());
                }
                return delegate.get(fetching);
            };
            env.getCodeRegistry().dataFetcher(FieldCoordinates.coordinates(parent, field.getName()), checked);
            return field;
        }
    }

    private static final class PersonalWiring implements SchemaDirectiveWiring {

        @Override
        public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> env) {
            GraphQLFieldDefinition field = env.getElement();
            String parent = env.getFieldsContainer().getName();
            // getValue() is generic: through Object, so String.valueOf(char[]) is not the overload chosen
            Object kindName =
                    field.getAppliedDirective(PERSONAL).getArgument("kind").getValue();
            PersonalData kind = PersonalData.valueOf(String.valueOf(kindName));
            DataFetcher<?> delegate = env.getFieldDataFetcher();
            DataFetcher<?> masked = delegate instanceof TrivialDataFetcher<?>
                    ? new TrivialMaskedFetcher(delegate, kind)
                    : fetching -> mask(delegate.get(fetching), kind, fetching);
            env.getCodeRegistry().dataFetcher(FieldCoordinates.coordinates(parent, field.getName()), masked);
            return field;
        }
    }

    private static Object mask(Object value, PersonalData kind, DataFetchingEnvironment env) {
        Caller caller = caller(env);
        if (caller != null && caller.role().seesPersonalData()) {
            return value;
        }
        if (kind == PersonalData.TEXT
                && env.getSource() instanceof WrittenByCustomer written
                && value instanceof String text) {
            return PersonalData.redact(text, written.customerName());
        }
        if (value instanceof CompletionStage<?> stage) {
            return stage.thenApply(kind::maskValue);
        }
        return kind.maskValue(value);
    }

    /** Masks a plain property and stays trivial, as the property fetcher it wraps was. */
    private record TrivialMaskedFetcher(DataFetcher<?> delegate, PersonalData kind)
            implements TrivialDataFetcher<Object> {
        @Override
        public Object get(DataFetchingEnvironment env) throws Exception {
            return mask(delegate.get(env), kind, env);
        }
    }
}
