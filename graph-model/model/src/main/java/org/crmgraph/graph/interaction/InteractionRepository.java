package org.crmgraph.graph.interaction;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.page.KeysetQuery;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.springframework.stereotype.Repository;

@Repository
class InteractionRepository {

    private static final KeysetQuery LIST =
            new KeysetQuery("MATCH (i:Interaction)", "i", "id", Interaction.RELATED, Interaction.PROJECTION);

    private static final String BY_ID = """
            MATCH (i:Interaction {id: $id})
            %s
            RETURN %s AS i
            """.formatted(Interaction.RELATED, Interaction.PROJECTION);
    private static final String BY_IDS = """
            UNWIND $ids AS id
            MATCH (i:Interaction {id: id})
            %s
            RETURN %s AS i
            """.formatted(Interaction.RELATED, Interaction.PROJECTION);
    private static final String OF_CUSTOMERS = """
            UNWIND $ids AS id
            MATCH (:Customer {id: id})-[:HAD]->(i:Interaction)
            WITH id, i ORDER BY i.occurredAt DESC
            WITH id, collect(i)[..$limit] AS interactions
            UNWIND range(0, size(interactions) - 1) AS position
            WITH id, position, interactions[position] AS i
            %s
            RETURN id, %s AS i
            ORDER BY id, position
            """.formatted(Interaction.RELATED, Interaction.PROJECTION);
    private static final String REFERENCES = """
            RETURN EXISTS { MATCH (:Customer {id: $customerId}) } AS customer,
                   EXISTS { MATCH (:Product {sku: $productSku}) } AS product
            """;
    private static final String RECORD = """
            MATCH (c:Customer {id: $customerId})
            CREATE (c)-[:HAD]->(i:Interaction)
            SET i = $properties, i.occurredAt = coalesce($occurredAt, datetime())
            WITH i
            CALL (i) {
              MATCH (p:Product {sku: $productSku})
              CREATE (i)-[:ABOUT]->(p)
            }
            WITH i
            %s
            RETURN %s AS i
            """.formatted(Interaction.RELATED, Interaction.PROJECTION);

    private final CypherRunner cypher;

    InteractionRepository(CypherRunner cypher) {
        this.cypher = cypher;
    }

    Page<Interaction> page(InteractionFilter filter, InteractionSort sort, boolean descending, PageRequest request) {
        var conditions = new KeysetQuery.Conditions()
                .when(filter.customerId(), "customerId", "EXISTS { (i)<-[:HAD]-(:Customer {id: $customerId}) }")
                .when(filter.channel() == null ? null : filter.channel().name(), "channel", "i.channel = $channel")
                .when(filter.type(), "type", "i.type = $type")
                .when(filter.occurredAfter(), "occurredAfter", "i.occurredAt >= $occurredAfter")
                .when(filter.occurredBefore(), "occurredBefore", "i.occurredAt < $occurredBefore");
        return LIST.page(cypher, conditions, sort.key(), descending, request, Interaction::from);
    }

    java.util.Optional<Interaction> find(String id) {
        return cypher.readOptional(BY_ID, Map.of("id", id), r -> Interaction.from(r.get("i")));
    }

    Map<String, Interaction> findAll(Collection<String> ids) {
        Map<String, Interaction> found = new HashMap<>();
        cypher.read(BY_IDS, Map.of("ids", List.copyOf(ids)), r -> Interaction.from(r.get("i")))
                .forEach(interaction -> found.put(interaction.id(), interaction));
        return found;
    }

    Map<String, List<Interaction>> ofCustomers(Collection<String> customerIds, int limit) {
        Map<String, List<Interaction>> result = new HashMap<>();
        cypher.read(OF_CUSTOMERS, Map.of("ids", List.copyOf(customerIds), "limit", limit), r -> r)
                .forEach(r -> result.computeIfAbsent(r.get("id").asString(), k -> new java.util.ArrayList<>())
                        .add(Interaction.from(r.get("i"))));
        return result;
    }

    /** Outcome of recording: which references exist, and the interaction when both did. */
    record Recorded(boolean customerExists, boolean productExists, Interaction interaction) {}

    /** Records the interaction and, in the same transaction, what {@code written} does with it (its change event). */
    Recorded record(
            String customerId,
            String productSku,
            java.time.OffsetDateTime occurredAt,
            Map<String, Object> properties,
            java.util.function.BiConsumer<org.neo4j.driver.SimpleQueryRunner, Interaction> written) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("customerId", customerId);
        parameters.put("productSku", productSku);
        parameters.put("occurredAt", occurredAt);
        parameters.put("properties", properties);
        return cypher.inWrite(tx -> {
            var refs = tx.run(REFERENCES, parameters).single();
            boolean customer = refs.get("customer").asBoolean();
            boolean product = productSku == null || refs.get("product").asBoolean();
            if (!customer || !product) {
                return new Recorded(customer, product, null);
            }
            Interaction interaction =
                    Interaction.from(tx.run(RECORD, parameters).single().get("i"));
            written.accept(tx, interaction);
            return new Recorded(true, true, interaction);
        });
    }
}
