package org.crmgraph.graph.interaction;

import java.time.OffsetDateTime;
import org.crmgraph.graph.cypher.Records;
import org.neo4j.driver.Value;

/** One touchpoint: an e-mail opened, a page viewed, a chat, a social mention... */
public record Interaction(String id, String customerId, String productSku, Channel channel, String type,
                          OffsetDateTime occurredAt, String text) {

    static final String PROJECTION = """
            i{.*, customerId: [(i)<-[:HAD]-(cu:Customer) | cu.id][0],
                  productSku: [(i)-[:ABOUT]->(pr:Product) | pr.sku][0]}""";

    static Interaction from(Value value) {
        return new Interaction(value.get("id").asString(), Records.string(value.get("customerId")),
                Records.string(value.get("productSku")), Channel.valueOf(value.get("channel").asString()),
                Records.string(value.get("type")), Records.dateTime(value.get("occurredAt")), Records.string(value.get("text")));
    }
}
