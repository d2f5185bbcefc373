package org.crmgraph.api.graphql;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.VariableReference;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.crmgraph.graph.page.PagingProperties;
import org.crmgraph.graph.validation.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * Prices a query before it runs and refuses it when it costs too much, so that one request cannot buy unlimited
 * work with one rate-limit token. The price follows the work: a field costs 1, or its {@code @cost(weight)} when it
 * calls a model, a vector search or a graph algorithm, plus what it selects times the items it may return: its
 * {@code first} (or that argument's default) for a list that takes one, its {@code @listSize(max)}, or else the
 * nested-list cap every plain list is held to. Beside the total, a request may hold at most
 * {@code crm.graphql.max-fields} field selections and {@code crm.graphql.max-expensive-fields} expensive ones (weight
 * {@value #EXPENSIVE} or more, aliases counted), and a field with {@code @cost(perRequest)} at most that many times.
 * The price of every query that runs is returned in {@code extensions.cost}.
 */
final class QueryCost extends SimplePerformantInstrumentation {

    /** Price of one operator in a {@code where} filter. */
    static final int FILTER_CONDITION_PRICE = 10;

    /** Price of a level of a {@code where} filter: AND/OR/NOT, a field's operators, or related nodes. */
    static final int FILTER_NESTING_PRICE = 10;

    static final int EXPENSIVE = 100;
    static final String COST = "cost";
    static final String LIST_SIZE = "listSize";

    private static final int REMEMBERED = 2_000;
    private static final int REMEMBERED_TEXT_CHARS = 8_192;

    private final CrmGraphQlProperties limits;
    private final FieldComplexityCalculator prices;
    private final Map<PriceKey, Integer> accepted = bounded();
    private final Map<String, Set<String>> variablesByText = bounded();

    private static <K, V> Map<K, V> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    QueryCost(CrmGraphQlProperties limits, PagingProperties paging) {
        this.limits = limits;
        this.prices = prices(paging);
    }

    private static final class Priced implements InstrumentationState {
        volatile int cost = -1;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Priced());
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        // a front end sends the same few documents with different ids: the price depends on the text and on the
        // variables that feed a `first`, so an accepted document is priced once per such combination
        String operation = execution.getOperationDefinition().getName();
        String text = execution.getExecutionInput().getQuery();
        List<Object> pricedVariables = new ArrayList<>();
        for (String name : costVariables(text, execution.getDocument())) {
            pricedVariables.add(execution.getCoercedVariables().get(name));
        }
        // only ordinary documents are remembered: 2,000 huge distinct ones would otherwise hold the heap
        boolean remember = text.length() <= REMEMBERED_TEXT_CHARS;
        var key = new PriceKey(text, operation, pricedVariables);
        Integer known = remember ? accepted.get(key) : null;
        if (known != null) {
            if (state instanceof Priced priced) {
                priced.cost = known;
            }
            return SimpleInstrumentationContext.noOp();
        }
        int cost = QueryComplexityCalculator.newCalculator()
                .fieldComplexityCalculator(prices)
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getOperationDefinition().getName())
                .variables(execution.getCoercedVariables())
                .build()
                .calculate();
        if (cost > limits.maxComplexity()) {
            throw new QueryLimitExceededException(
                    ErrorCode.QUERY_TOO_COMPLEX.name(),
                    "The query could cost about " + cost + " units of work; at most " + limits.maxComplexity()
                            + " are allowed (crm.graphql.max-complexity). Ask for smaller pages, fewer nested lists or"
                            + " fewer model-backed fields.",
                    cost,
                    limits.maxComplexity());
        }
        countSelections(execution);
        if (remember) {
            accepted.put(key, cost);
        }
        if (state instanceof Priced priced) {
            priced.cost = cost;
        }
        return SimpleInstrumentationContext.noOp();
    }

    private record PriceKey(String text, @Nullable String operation, List<Object> variables) {}

    /**
     * The variables a document passes to a {@code first} argument or uses inside a {@code where} filter: the only
     * ones its price depends on.
     */
    private Set<String> costVariables(String text, Document document) {
        if (text.length() > REMEMBERED_TEXT_CHARS) {
            return firstVariables(document);
        }
        return variablesByText.computeIfAbsent(text, t -> firstVariables(document));
    }

    private static Set<String> firstVariables(Document document) {
        Set<String> names = new HashSet<>();
        new NodeTraverser()
                .depthFirst(
                        new NodeVisitorStub() {
                            @Override
                            public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                                if (node.getName().equals("first")
                                        && node.getValue() instanceof VariableReference variable) {
                                    names.add(variable.getName());
                                }
                                if (node.getName().equals("where")) {
                                    variablesIn(node.getValue(), names);
                                }
                                return TraversalControl.CONTINUE;
                            }
                        },
                        document);
        return Set.copyOf(names);
    }

    private static void variablesIn(graphql.language.Value<?> value, Set<String> names) {
        switch (value) {
            case VariableReference variable -> names.add(variable.getName());
            case graphql.language.ObjectValue object ->
                object.getObjectFields().forEach(field -> variablesIn(field.getValue(), names));
            case graphql.language.ArrayValue array -> array.getValues().forEach(item -> variablesIn(item, names));
            default -> {}
        }
    }

    /**
     * What a {@code where} filter adds to its field's price: each condition is evaluated for every candidate node, and
     * a condition on related nodes is a subquery per candidate.
     */
    static long filterPrice(Object where) {
        if (where instanceof java.util.Map<?, ?> map) {
            long price = 0;
            for (Object value : map.values()) {
                if (value instanceof java.util.Map<?, ?> || value instanceof List<?>) {
                    price += FILTER_NESTING_PRICE + filterPrice(value);
                } else if (value != null) {
                    price += FILTER_CONDITION_PRICE;
                }
            }
            return price;
        }
        if (where instanceof List<?> items) {
            long price = 0;
            for (Object item : items) {
                price += filterPrice(item);
            }
            return price;
        }
        return 0;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (!(state instanceof Priced priced) || priced.cost < 0) {
            return CompletableFuture.completedFuture(result);
        }
        Map<Object, Object> extensions =
                new LinkedHashMap<>(result.getExtensions() == null ? Map.of() : result.getExtensions());
        extensions.put(COST, Map.of("estimated", priced.cost, "limit", limits.maxComplexity()));
        return CompletableFuture.completedFuture(result.transform(builder -> builder.extensions(extensions)));
    }

    /** Counts field selections (aliases and fragments included) against the per-request limits. */
    private void countSelections(ExecutionContext execution) {
        Map<String, Integer> perField = new LinkedHashMap<>();
        int[] total = {0};
        int[] expensive = {0};
        QueryTraverser.newQueryTraverser()
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getOperationDefinition().getName())
                .coercedVariables(execution.getCoercedVariables())
                .build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment env) {
                        if (env.isTypeNameIntrospectionField()) {
                            return;
                        }
                        total[0]++;
                        GraphQLFieldDefinition field = env.getFieldDefinition();
                        if (weight(field) >= EXPENSIVE) {
                            expensive[0]++;
                        }
                        Integer perRequest = directiveInt(field, COST, "perRequest");
                        if (perRequest != null) {
                            String name = env.getFieldsContainer().getName() + "." + field.getName();
                            int seen = perField.merge(name, 1, Integer::sum);
                            if (seen > perRequest) {
                                throw new QueryLimitExceededException(
                                        ErrorCode.QUERY_TOO_COMPLEX.name(),
                                        name + " may appear " + perRequest + " time(s) per request; this one asks "
                                                + "for it more often (aliases count).",
                                        seen,
                                        perRequest);
                            }
                        }
                    }
                });
        if (total[0] > limits.maxFields()) {
            throw new QueryLimitExceededException(
                    ErrorCode.QUERY_TOO_COMPLEX.name(),
                    "The query selects " + total[0] + " fields; at most " + limits.maxFields()
                            + " are allowed (crm.graphql.max-fields).",
                    total[0],
                    limits.maxFields());
        }
        if (expensive[0] > limits.maxExpensiveFields()) {
            throw new QueryLimitExceededException(
                    ErrorCode.QUERY_TOO_COMPLEX.name(),
                    "The query calls model-backed or algorithm fields " + expensive[0] + " times; at most "
                            + limits.maxExpensiveFields()
                            + " are allowed per request (crm.graphql.max-expensive-fields). Send them separately.",
                    expensive[0],
                    limits.maxExpensiveFields());
        }
    }

    /** The price of one field given what its selection costs; saturates instead of overflowing. */
    static FieldComplexityCalculator prices(PagingProperties paging) {
        return (env, childComplexity) -> {
            GraphQLFieldDefinition field = env.getFieldDefinition();
            long items = 1;
            boolean list = GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList;
            boolean edgesOfAPage = env.getParentType() instanceof GraphQLNamedType parent
                    && parent.getName().endsWith("Connection");
            if (field.getArgument("first") != null) {
                Object first = env.getArguments().get("first");
                items = first instanceof Number n ? Math.max(1, n.longValue()) : paging.defaultPageSize();
            } else if (list && !edgesOfAPage) {
                Integer max = directiveInt(field, LIST_SIZE, "max");
                items = max != null ? max : paging.nestedListLimit();
            }
            long price = weight(field)
                    + items * (long) childComplexity
                    + filterPrice(env.getArguments().get("where"));
            return (int) Math.min(Integer.MAX_VALUE, price);
        };
    }

    static int weight(GraphQLFieldDefinition field) {
        Integer weight = directiveInt(field, COST, "weight");
        return weight == null ? 1 : weight;
    }

    private static @Nullable Integer directiveInt(GraphQLFieldDefinition field, String directive, String argument) {
        GraphQLAppliedDirective applied = field.getAppliedDirective(directive);
        if (applied == null || applied.getArgument(argument) == null) {
            return null;
        }
        Object value = applied.getArgument(argument).getValue();
        return value instanceof Number n ? n.intValue() : null;
    }
}
