package org.crmgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.crmgraph.api.CrmIntegrationTest;
import org.crmgraph.api.TestClients;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * What a careless or hostile client can send: queries too deep or too costly, and injection attempts
 * in every string argument of the schema. The graph must stay as it was (queries) or keep everything
 * it had (mutations, which may legitimately add the literal text), and no error may show a stack trace,
 * Cypher or a class name.
 */
@CrmIntegrationTest
class HostileClientsIT {

    static final List<String> INJECTIONS = List.of(
            "'}) DETACH DELETE n //",
            "\"}) MATCH (n) DETACH DELETE n RETURN 1 //",
            "' OR 1=1 OR '' = '",
            "x` DETACH DELETE n //",
            "\\u0027}) CALL apoc.periodic.iterate('MATCH (n) RETURN n','DETACH DELETE n',{}) //",
            "ｘ＇｝）　ＤＥＴＡＣＨ　ＤＥＬＥＴＥ　ｎ",
            "\u202eevil\u200d\u0000tail",
            "${jndi:ldap://127.0.0.1/x}");

    /** What must never reach a client: stack frames, class or package names, Cypher from our queries. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(exception|\\bat [a-z]+\\.[a-z]|org\\.crmgraph|org\\.neo4j|java\\.|\\.java:|cypher|\\bMATCH \\(|\\bUNWIND\\b|\\bMERGE\\b)");

    @Autowired
    TestClients clients;

    @Autowired
    CypherRunner cypher;

    @Autowired
    GraphQlSource graphQlSource;

    @Value("${crm.graphql.max-complexity}")
    int maxComplexity;

    @Test
    void aQueryNestedTooDeepIsRefusedBeforeItRuns() {
        String nested = "id";
        for (int i = 0; i < 9; i++) {
            nested = "orders { customer { " + nested + " } }";
        }
        clients.as(clients.adminKey())
                .document("{ customer(id: \"c1\") { " + nested + " } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions())
                            .containsEntry("code", "QUERY_TOO_DEEP")
                            .containsEntry("limit", 15);
                    assertThat(e.getMessage()).contains("at most 15", "crm.graphql.max-depth");
                }));
    }

    @Test
    void aQueryMultipliedByAliasesIsRefusedAsTooComplex() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 50; i++) {
            query.append(" a")
                    .append(i)
                    .append(": customers(first: 50) { edges { node { id orders { id lines { quantity } } } } }");
        }
        clients.as(clients.adminKey())
                .document(query.append(" }").toString())
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions())
                            .containsEntry("code", "QUERY_TOO_COMPLEX")
                            .containsEntry("limit", maxComplexity);
                    assertThat((Integer) e.getExtensions().get("actual")).isGreaterThan(maxComplexity);
                    assertThat(e.getMessage()).contains("crm.graphql.max-complexity");
                }));
        // an ordinary screen passes
        clients.as(clients.adminKey())
                .document(
                        "{ customers(first: 50) { edges { node { id name orders { id lines { quantity product { sku } } } } } } }")
                .execute()
                .path("customers.edges")
                .entityList(Object.class)
                .hasSizeGreaterThan(0);
    }

    @Test
    void anIdThatIsNotTheNumberItStandsForIsAnInvalidFormatNamingTheArgument() {
        clients.as(clients.adminKey())
                .document("{ customers(filter: {segmentId: \"seven\"}) { totalCount } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions())
                            .containsEntry("code", "INVALID_FORMAT")
                            .containsEntry("argument", "filter.segmentId");
                    assertThat(e.getMessage()).isEqualTo("The value of 'filter.segmentId' has the wrong form.");
                }));
    }

    @Test
    void injectionInEveryStringArgumentOfEveryQueryLeavesTheGraphUnchangedAndErrorsClean() {
        GraphFixture.crm(cypher);
        List<String> before = fingerprint();
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Probe probe : probes(graphQlSource.schema().getQueryType())) {
            for (String injection : INJECTIONS) {
                problems.addAll(send(probe, injection));
                requests++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(requests).isGreaterThan(100);
        System.out.printf("Injection: %d requests into the string arguments of queries, graph unchanged%n", requests);
    }

    @Test
    void injectionInEveryStringArgumentOfEveryMutationIsStoredLiterallyOrRefusedAndLosesNothing() {
        GraphFixture.crm(cypher);
        List<String> fixtureNodes = ids();
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Probe probe : probes(graphQlSource.schema().getMutationType())) {
            if (probe.field().equals("eraseCustomer")
                    || probe.field().equals("deleteCustomer")
                    || probe.field().equals("deleteProduct")
                    || probe.field().equals("deleteArticle")) {
                // these delete or erase what their id names; an injected id names nothing, which is what we check
                assertThat(probe.path()).singleElement().isIn("id", "sku");
            }
            for (String injection : INJECTIONS) {
                problems.addAll(send(probe, injection));
                requests++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(ids()).containsAll(fixtureNodes);
        System.out.printf("Injection: %d requests into the string arguments of mutations, nothing lost%n", requests);
        // text that reached the graph is the literal text sent, e.g. a customer named after the attack
        assertThat(cypher.read(
                                "MATCH (c:Customer) WHERE c.name = $name RETURN count(c)",
                                Map.of("name", INJECTIONS.getFirst()),
                                r -> r.get(0).asLong())
                        .getFirst())
                .isEqualTo(1L);
    }

    private List<String> send(Probe probe, String injection) {
        Map<String, Object> variables = probe.variables(injection);
        List<ResponseError> errors = new ArrayList<>();
        var request = clients.as(clients.adminKey()).document(probe.document());
        variables.forEach(request::variable);
        request.execute().errors().satisfy(errors::addAll);
        List<String> problems = new ArrayList<>();
        for (ResponseError error : errors) {
            String message = String.valueOf(error.getMessage()).replace(injection, "<sent>");
            Object code = error.getExtensions().get("code");
            if ("INTERNAL".equals(code) || LEAK.matcher(message).find()) {
                problems.add(probe.field() + " " + probe.path() + " with " + injection + ": " + error.getMessage() + " "
                        + error.getExtensions());
            }
        }
        return problems;
    }

    /**
     * Every business node with its properties, and every relationship; answers and the audit trail are written by design.
     * The change log's bookkeeping (sequence, consumers' cursors) and the events background jobs of earlier tests write
     * move on their own; an event a client's request caused would carry that client as its actor and is kept.
     */
    private List<String> fingerprint() {
        List<String> graph = new ArrayList<>(cypher.read(
                """
                MATCH (n) WHERE NOT n:ApiKey AND NOT n:AuditEvent AND NOT n:SupportQuery AND NOT n:__CrmMigration
                  AND NOT n:OutboxSequence AND NOT n:ChangeLogCursor AND NOT (n:ChangeEvent AND n.actor = 'system')
                RETURN labels(n)[0] AS label, n {.*, embedding: null} AS properties
                """,
                Map.of(),
                r -> r.get(0).asString() + new java.util.TreeMap<>(r.get(1).asMap())));
        graph.addAll(cypher.read(
                """
                MATCH (a)-[r]->(b) WHERE NOT type(r) IN ['SOURCE', 'ASKED']
                RETURN coalesce(a.id, a.sku, a.name) + '-' + type(r) + '->' + coalesce(b.id, b.sku, b.name) AS key, properties(r) AS properties
                """,
                Map.of(),
                r -> r.get(0).asString() + new java.util.TreeMap<>(r.get(1).asMap())));
        graph.sort(null);
        return graph;
    }

    private List<String> ids() {
        return cypher.read(
                "MATCH (n) WHERE n.id IS NOT NULL OR n.sku IS NOT NULL RETURN labels(n)[0] + ':' + coalesce(n.id, n.sku) AS id",
                Map.of(),
                r -> r.get(0).asString());
    }

    /** One string argument (or string field of an input) of one root field, with made-up values for the rest. */
    record Probe(String field, String document, List<String> path, Map<String, Object> required) {

        Map<String, Object> variables(String injection) {
            Map<String, Object> variables = deepCopy(required);
            Map<String, Object> target = variables;
            for (int i = 0; i < path.size() - 1; i++) {
                Object next = target.computeIfAbsent(path.get(i), k -> new LinkedHashMap<>());
                if (next instanceof List<?> list) {
                    // a list of inputs (order lines): attack the first
                    next = list.getFirst();
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) next;
                target = map;
            }
            String last = path.getLast();
            target.put(last, target.get(last) instanceof List<?> ? List.of(injection) : injection);
            return variables;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> deepCopy(Map<String, Object> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, copyValue(v)));
            return copy;
        }

        @SuppressWarnings("unchecked")
        private static Object copyValue(Object value) {
            if (value instanceof Map<?, ?> m) {
                return deepCopy((Map<String, Object>) m);
            }
            if (value instanceof List<?> list) {
                return new ArrayList<>(list.stream().map(Probe::copyValue).toList());
            }
            return value;
        }
    }

    private static List<Probe> probes(GraphQLObjectType root) {
        String keyword = root.getName().equals("Query") ? "query" : "mutation";
        List<Probe> probes = new ArrayList<>();
        for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
            List<String> declarations = new ArrayList<>();
            List<String> arguments = new ArrayList<>();
            Map<String, Object> required = new LinkedHashMap<>();
            List<List<String>> stringPaths = new ArrayList<>();
            for (GraphQLArgument argument : field.getArguments()) {
                // every argument is passed as a variable of the same name, so any of them can carry the attack
                declarations.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
                arguments.add(argument.getName() + ": $" + argument.getName());
                if (GraphQLTypeUtil.isNonNull(argument.getType())) {
                    required.put(argument.getName(), AccessControlIT.madeUp(argument.getType()));
                }
                collectStringPaths(argument.getType(), List.of(argument.getName()), stringPaths);
            }
            if (stringPaths.isEmpty()) {
                continue;
            }
            var type = GraphQLTypeUtil.unwrapAll(field.getType());
            boolean object = !(type instanceof GraphQLScalarType || type instanceof GraphQLEnumType);
            String document = keyword + "(" + String.join(", ", declarations) + ") { " + field.getName() + "("
                    + String.join(", ", arguments) + ")" + (object ? " { __typename }" : "") + " }";
            for (List<String> path : stringPaths) {
                probes.add(new Probe(field.getName(), document, path, requiredWithParents(required, path, field)));
            }
        }
        return probes;
    }

    /** Optional inputs that hold the probed field are created with their own required fields. */
    private static Map<String, Object> requiredWithParents(
            Map<String, Object> required, List<String> path, GraphQLFieldDefinition field) {
        Map<String, Object> values = new LinkedHashMap<>(required);
        if (path.size() > 1 && !values.containsKey(path.getFirst())) {
            var type = field.getArgument(path.getFirst()).getType();
            values.put(path.getFirst(), AccessControlIT.madeUp(type));
        }
        return values;
    }

    private static void collectStringPaths(GraphQLInputType type, List<String> path, List<List<String>> paths) {
        var bare = GraphQLTypeUtil.unwrapAll(type);
        if (bare instanceof GraphQLScalarType scalar
                && (scalar.getName().equals("String") || scalar.getName().equals("ID"))) {
            if (path.size() <= 2) {
                paths.add(path);
            }
        } else if (bare instanceof GraphQLInputObjectType input && path.size() < 2) {
            for (GraphQLInputObjectField inner : input.getFieldDefinitions()) {
                List<String> next = new ArrayList<>(path);
                next.add(inner.getName());
                collectStringPaths(inner.getType(), next, paths);
            }
        }
    }
}
