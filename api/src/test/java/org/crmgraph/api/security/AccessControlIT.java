package org.crmgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmgraph.graph.security.Role.ADMIN;
import static org.crmgraph.graph.security.Role.AGENT;
import static org.crmgraph.graph.security.Role.ANALYST;
import static org.crmgraph.graph.security.Role.DATA_STEWARD;
import static org.crmgraph.graph.security.Role.READ_ONLY;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.crmgraph.api.CrmIntegrationTest;
import org.crmgraph.api.TestClients;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Walks every Query and Mutation field of the schema and calls it as each role, over HTTP with that
 * role's API key. The table below is what the roles are meant to allow, written independently of the
 * schema's {@code @allowed} directives: a new operation fails this test until it is added here.
 */
@CrmIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIT {

    private static final Set<Role> EVERYONE = EnumSet.of(DATA_STEWARD, AGENT, ANALYST, READ_ONLY);
    private static final Set<Role> ADMIN_ONLY = EnumSet.noneOf(Role.class);

    /** Roles besides ADMIN (who may do everything) that may use each operation. */
    private static final Map<String, Set<Role>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("Query.customer", EVERYONE),
            Map.entry("Query.customers", EVERYONE),
            Map.entry("Query.customerBySourceId", EVERYONE),
            Map.entry("Query.viewer", EVERYONE),
            Map.entry("Query.node", EVERYONE),
            Map.entry("Query.nodes", EVERYONE),
            Map.entry("Query.product", EVERYONE),
            Map.entry("Query.products", EVERYONE),
            Map.entry("Query.categories", EVERYONE),
            Map.entry("Query.order", EVERYONE),
            Map.entry("Query.orders", EVERYONE),
            Map.entry("Query.ticket", EVERYONE),
            Map.entry("Query.tickets", EVERYONE),
            Map.entry("Query.article", EVERYONE),
            Map.entry("Query.articles", EVERYONE),
            Map.entry("Query.interactions", EVERYONE),
            Map.entry("Query.importJob", EVERYONE),
            Map.entry("Query.importJobs", EVERYONE),
            Map.entry("Query.recommendations", EVERYONE),
            Map.entry("Query.similarProducts", EVERYONE),
            Map.entry("Query.similarCustomers", EVERYONE),
            Map.entry("Query.segments", EVERYONE),
            Map.entry("Query.communities", EVERYONE),
            Map.entry("Query.forecast", EVERYONE),
            Map.entry("Query.churnModel", EVERYONE),
            Map.entry("Query.lifetimeValueModel", EVERYONE),
            Map.entry("Query.duplicateCandidates", EnumSet.of(DATA_STEWARD)),
            Map.entry("Query.churnModels", EVERYONE),
            Map.entry("Query.analyticsRuns", EVERYONE),
            Map.entry("Query.answerSupportQuery", EnumSet.of(AGENT)),
            Map.entry("Query.similarTickets", EVERYONE),
            Map.entry("Query.searchArticles", EVERYONE),
            Map.entry("Query.knowledgeGaps", EVERYONE),
            Map.entry("Query.ticketClassifier", EVERYONE),
            Map.entry("Query.ticketClassifiers", EVERYONE),
            Map.entry("Query.analyzeSentiment", EVERYONE),
            Map.entry("Query.sentimentModels", EVERYONE),
            Map.entry("Query.apiKeys", ADMIN_ONLY),
            Map.entry("Query.auditEvents", ADMIN_ONLY),
            Map.entry("Query.webhooks", ADMIN_ONLY),
            Map.entry("Query.webhookDeliveries", ADMIN_ONLY),
            Map.entry("Query.exportCustomerData", ADMIN_ONLY),
            Map.entry("Mutation.createCustomer", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.ingestInteractions", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.ingestOrders", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.updateCustomer", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.upsertCustomer", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.deleteCustomer", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.createProduct", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.updateProduct", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.deleteProduct", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.createArticle", EnumSet.of(AGENT, DATA_STEWARD)),
            Map.entry("Mutation.updateArticle", EnumSet.of(AGENT, DATA_STEWARD)),
            Map.entry("Mutation.deleteArticle", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.placeOrder", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.openTicket", EnumSet.of(AGENT)),
            Map.entry("Mutation.updateTicket", EnumSet.of(AGENT)),
            Map.entry("Mutation.updateTickets", EnumSet.of(AGENT)),
            Map.entry("Mutation.resolveTicket", EnumSet.of(AGENT)),
            Map.entry("Mutation.recordInteraction", EnumSet.of(AGENT, DATA_STEWARD)),
            Map.entry("Mutation.startImport", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.mergeCustomers", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.resolveDuplicate", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.unmergeCustomer", EnumSet.of(DATA_STEWARD)),
            Map.entry("Mutation.refreshAnalytics", EnumSet.of(ANALYST)),
            Map.entry("Mutation.startAnalyticsRefresh", EnumSet.of(ANALYST)),
            Map.entry("Mutation.startTicketClassifierTraining", EnumSet.of(ANALYST)),
            Map.entry("Query.job", EVERYONE),
            Map.entry("Mutation.answerFeedback", EnumSet.of(AGENT)),
            Map.entry("Mutation.askSupportQuestion", EnumSet.of(AGENT)),
            Map.entry("Mutation.trainTicketClassifier", EnumSet.of(ANALYST)),
            Map.entry("Mutation.createApiKey", ADMIN_ONLY),
            Map.entry("Mutation.revokeApiKey", ADMIN_ONLY),
            Map.entry("Mutation.createWebhook", ADMIN_ONLY),
            Map.entry("Mutation.deleteWebhook", ADMIN_ONLY),
            Map.entry("Mutation.replayWebhookDeliveries", ADMIN_ONLY),
            Map.entry("Mutation.eraseCustomer", ADMIN_ONLY)));

    /** Keys, the audit trail and the answer log (written in the background after allowed questions) are not business data. */
    private static final String BUSINESS_NODES = """
            MATCH (n) WHERE NOT n:ApiKey AND NOT n:AuditEvent AND NOT n:SupportQuery AND NOT n:__CrmMigration AND NOT n:ChangeLogCursor RETURN count(n)""";

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    CypherRunner cypher;

    @Autowired
    ApiKeyStore keys;

    @Autowired
    TestClients clients;

    private final Map<Role, String> keyOf = new EnumMap<>(Role.class);

    @BeforeAll
    void keysForEveryRole() {
        for (Role role : Role.values()) {
            keyOf.put(
                    role,
                    role == ADMIN
                            ? clients.adminKey()
                            : keys.create("access test " + role, role, "test").secret());
        }
    }

    @Test
    void theTableCoversEveryOperationOfTheSchema() {
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void everyOperationIsAllowedOrRefusedAsTheTableSaysForEveryRole() {
        GraphFixture.crm(cypher);
        List<String> wrong = new ArrayList<>();
        int audited = 0;
        for (var operation : operations().entrySet()) {
            String name = operation.getKey();
            boolean mutation = name.startsWith("Mutation.");
            for (Role role : Role.values()) {
                boolean allowed =
                        role == ADMIN || EXPECTED.getOrDefault(name, ADMIN_ONLY).contains(role);
                long before = allowed ? 0 : businessNodes();
                List<ResponseError> errors = call(operation.getValue(), role);
                // a job an allowed call started must not write while the next call's graph is being compared
                awaitNoRunningJobs();
                boolean forbidden = errors.stream()
                        .anyMatch(e -> "FORBIDDEN".equals(e.getExtensions().get("code")));
                if (forbidden == allowed) {
                    wrong.add(name + " as " + role + (allowed ? " was refused: " + errors : " was let through"));
                }
                if (!allowed && businessNodes() != before) {
                    wrong.add(name + " as " + role + " was refused but changed the graph");
                }
                if (mutation || name.equals("Query.exportCustomerData")) {
                    audited++;
                }
            }
        }
        assertThat(wrong).isEmpty();
        // every mutation call, allowed or refused, and every export left exactly one audit event
        long events = cypher.read(
                        "MATCH (e:AuditEvent) RETURN count(e)",
                        Map.of(),
                        r -> r.get(0).asLong())
                .getFirst();
        assertThat(events).isEqualTo(audited);
        long denied = cypher.read(
                        "MATCH (e:AuditEvent {outcome: 'DENIED'}) RETURN count(e)",
                        Map.of(),
                        r -> r.get(0).asLong())
                .getFirst();
        long expectedDenied = EXPECTED.entrySet().stream()
                .filter(e -> e.getKey().startsWith("Mutation.") || e.getKey().equals("Query.exportCustomerData"))
                .mapToLong(e -> Role.values().length - 1 - e.getValue().size())
                .sum();
        assertThat(denied).isEqualTo(expectedDenied);
    }

    private void awaitNoRunningJobs() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(3))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> cypher.read(
                                        "MATCH (j:Job {status: 'RUNNING'}) RETURN count(j) AS n",
                                        Map.of(),
                                        r -> r.get("n").asLong())
                                .getFirst()
                        == 0);
    }

    private long businessNodes() {
        return cypher.read(BUSINESS_NODES, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    private List<ResponseError> call(Operation operation, Role role) {
        List<ResponseError> errors = new ArrayList<>();
        var request = clients.as(keyOf.get(role)).document(operation.document());
        operation.variables().forEach(request::variable);
        request.execute().errors().satisfy(errors::addAll);
        return errors;
    }

    record Operation(String document, Map<String, Object> variables) {}

    /** Every root field with a document that calls it with made-up values for its required arguments. */
    private Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        var schema = graphQlSource.schema();
        for (GraphQLObjectType root : List.of(schema.getQueryType(), schema.getMutationType())) {
            String keyword = root == schema.getQueryType() ? "query" : "mutation";
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                List<String> declarations = new ArrayList<>();
                List<String> arguments = new ArrayList<>();
                Map<String, Object> variables = new LinkedHashMap<>();
                for (GraphQLArgument argument : field.getArguments()) {
                    if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
                        String variable = "v" + variables.size();
                        declarations.add("$" + variable + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
                        arguments.add(argument.getName() + ": $" + variable);
                        variables.put(variable, madeUp(argument.getType()));
                    }
                }
                boolean object = !(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLScalarType
                        || GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLEnumType);
                String document = keyword + (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations) + ")")
                        + " { " + field.getName()
                        + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
                        + (object ? " { __typename }" : "") + " }";
                operations.put(root.getName() + "." + field.getName(), new Operation(document, variables));
            }
        }
        return operations;
    }

    static Object madeUp(GraphQLInputType type) {
        var bare = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            return List.of(madeUp((GraphQLInputType) list.getWrappedType()));
        }
        if (bare instanceof GraphQLEnumType enumType) {
            return enumType.getValues().getFirst().getName();
        }
        if (bare instanceof GraphQLInputObjectType input) {
            Map<String, Object> value = new LinkedHashMap<>();
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                if (GraphQLTypeUtil.isNonNull(field.getType()) && !field.hasSetDefaultValue()) {
                    value.put(field.getName(), madeUp(field.getType()));
                }
            }
            return value;
        }
        return switch (((GraphQLScalarType) bare).getName()) {
            case "Int" -> 1;
            case "Float" -> 0.5;
            case "Boolean" -> true;
            case "DateTime" -> "2026-01-01T00:00:00Z";
            default -> "made-up";
        };
    }
}
