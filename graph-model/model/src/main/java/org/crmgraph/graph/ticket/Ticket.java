package org.crmgraph.graph.ticket;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.crmgraph.graph.interaction.Channel;
import org.crmgraph.graph.privacy.WrittenByCustomer;
import org.crmgraph.graph.text.MessageSentiment;
import org.neo4j.driver.Value;

/** A support request; ids of the customer, product and resolving article travel with it for batch loading. */
public record Ticket(
        String id,
        String customerId,
        String productSku,
        String articleId,
        String subject,
        String body,
        TicketStatus status,
        TicketPriority priority,
        Channel channel,
        String category,
        String resolution,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime resolvedAt,
        String predictedCategory,
        TicketPriority suggestedPriority,
        String customerName,
        MessageSentiment sentiment)
        implements WrittenByCustomer {

    // CALL subqueries, not pattern comprehensions: see Order.RELATED.
    static final String RELATED = """
            CALL (t) { OPTIONAL MATCH (t)<-[:RAISED]-(cu:Customer) RETURN cu.id AS customerId, cu.name AS customerName LIMIT 1 }
            CALL (t) { OPTIONAL MATCH (t)-[:ABOUT]->(pr:Product) RETURN pr.sku AS productSku LIMIT 1 }
            CALL (t) { OPTIONAL MATCH (t)-[:RESOLVED_BY]->(ar:Article) RETURN ar.id AS articleId LIMIT 1 }""";
    // every field but the embedding, which is large and for the vector index only
    static final String PROJECTION = """
            t{.id, .subject, .body, .status, .priority, .channel, .category, .resolution, .createdAt, .updatedAt, .resolvedAt,
              .predictedCategory, .suggestedPriority, .sentiment, .sentimentConfidence, .sentimentModel, customerId: customerId, productSku: productSku, articleId: articleId,
              customerName: customerName}""";

    static Ticket from(Value value) {
        return new Ticket(
                value.get("id").asString(),
                Records.string(value.get("customerId")),
                Records.string(value.get("productSku")),
                Records.string(value.get("articleId")),
                Records.string(value.get("subject")),
                Records.string(value.get("body")),
                TicketStatus.valueOf(value.get("status").asString()),
                TicketPriority.valueOf(value.get("priority").asString()),
                Channel.valueOf(value.get("channel").asString()),
                Records.string(value.get("category")),
                Records.string(value.get("resolution")),
                Records.dateTime(value.get("createdAt")),
                Records.dateTime(value.get("updatedAt")),
                Records.dateTime(value.get("resolvedAt")),
                Records.string(value.get("predictedCategory")),
                value.get("suggestedPriority").isNull()
                        ? null
                        : TicketPriority.valueOf(value.get("suggestedPriority").asString()),
                Records.string(value.get("customerName")),
                MessageSentiment.of(value));
    }
}
