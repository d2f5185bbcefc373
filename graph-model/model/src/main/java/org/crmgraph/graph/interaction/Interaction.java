package org.crmgraph.graph.interaction;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.crmgraph.graph.privacy.WrittenByCustomer;
import org.crmgraph.graph.text.MessageSentiment;
import org.neo4j.driver.Value;

/** One touchpoint: an e-mail opened, a page viewed, a chat, a social mention... */
public record Interaction(
        String id,
        String customerId,
        String productSku,
        Channel channel,
        String type,
        OffsetDateTime occurredAt,
        String text,
        String customerName,
        MessageSentiment sentiment)
        implements WrittenByCustomer {

    // CALL subqueries, not pattern comprehensions: see Order.RELATED.
    static final String RELATED = """
            CALL (i) { OPTIONAL MATCH (i)<-[:HAD]-(cu:Customer) RETURN cu.id AS customerId, cu.name AS customerName LIMIT 1 }
            CALL (i) { OPTIONAL MATCH (i)-[:ABOUT]->(pr:Product) RETURN pr.sku AS productSku LIMIT 1 }""";
    static final String PROJECTION =
            "i{.*, customerId: customerId, productSku: productSku, customerName: customerName}";

    static Interaction from(Value value) {
        return new Interaction(
                value.get("id").asString(),
                Records.string(value.get("customerId")),
                Records.string(value.get("productSku")),
                Channel.valueOf(value.get("channel").asString()),
                Records.string(value.get("type")),
                Records.dateTime(value.get("occurredAt")),
                Records.string(value.get("text")),
                Records.string(value.get("customerName")),
                MessageSentiment.of(value));
    }
}
