package org.crmgraph.graph.ticket;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.crmgraph.graph.interaction.Channel;
import org.neo4j.driver.Value;

/** A support request; ids of the customer, product and resolving article travel with it for batch loading. */
public record Ticket(String id, String customerId, String productSku, String articleId, String subject, String body,
                     TicketStatus status, TicketPriority priority, Channel channel, String category, String resolution,
                     OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime resolvedAt) {

    static final String PROJECTION = """
            t{.*, customerId: [(t)<-[:RAISED]-(cu:Customer) | cu.id][0],
                  productSku: [(t)-[:ABOUT]->(pr:Product) | pr.sku][0],
                  articleId: [(t)-[:RESOLVED_BY]->(ar:Article) | ar.id][0]}""";

    static Ticket from(Value value) {
        return new Ticket(value.get("id").asString(), Records.string(value.get("customerId")),
                Records.string(value.get("productSku")), Records.string(value.get("articleId")),
                Records.string(value.get("subject")), Records.string(value.get("body")),
                TicketStatus.valueOf(value.get("status").asString()),
                TicketPriority.valueOf(value.get("priority").asString()),
                Channel.valueOf(value.get("channel").asString()), Records.string(value.get("category")),
                Records.string(value.get("resolution")), Records.dateTime(value.get("createdAt")),
                Records.dateTime(value.get("updatedAt")), Records.dateTime(value.get("resolvedAt")));
    }
}
