package org.crmgraph.graph.demo;

import java.util.List;
import java.util.Map;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.DemoDataLoaded;
import org.crmgraph.graph.event.DomainEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes the {@link DemoDataSet} in batches, only into a graph that has no customers yet. */
@Component
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final int BATCH = 1_000;

    private static final String IS_EMPTY = """
            RETURN NOT EXISTS { MATCH (:Customer) } AS empty
            """;
    private static final String PRODUCTS = """
            UNWIND $rows AS row
            MERGE (p:Product {sku: row.sku})
            SET p.name = row.name, p.description = row.description, p.price = row.price,
                p.createdAt = row.createdAt, p.updatedAt = row.createdAt
            MERGE (cat:Category {name: row.category})
            MERGE (p)-[:IN_CATEGORY]->(cat)
            """;
    private static final String ARTICLES = """
            UNWIND $rows AS row
            MERGE (a:Article {id: row.id})
            SET a.title = row.title, a.body = row.body, a.tags = row.tags, a.createdAt = row.createdAt, a.updatedAt = row.createdAt
            """;
    private static final String CUSTOMERS = """
            UNWIND $rows AS row
            MERGE (c:Customer {id: row.id})
            SET c += row, c.updatedAt = row.createdAt
            // the shop's record of the person, as an import would leave it: identity resolution compares these
            MERGE (sr:SourceRecord {key: 'demo:id:' + row.id})
              ON CREATE SET sr.source = 'demo', sr.externalId = row.id, sr.originId = row.id,
                            sr.createdAt = row.createdAt, sr.observedAt = row.createdAt
            SET sr += row
            REMOVE sr.id
            MERGE (sr)-[:RESOLVED_TO]->(c)
            """;
    private static final String ORDERS = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.customerId})
            MERGE (o:Order {id: row.id})
            SET o.placedAt = row.placedAt, o.status = row.status, o.channel = row.channel, o.total = row.total
            MERGE (c)-[:PLACED]->(o)
            WITH o, row
            UNWIND row.lines AS line
            MATCH (p:Product {sku: line.sku})
            MERGE (o)-[l:CONTAINS]->(p)
            SET l.quantity = line.quantity, l.unitPrice = line.unitPrice
            """;
    private static final String TICKETS = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.customerId})
            MERGE (t:Ticket {id: row.id})
            SET t.subject = row.subject, t.body = row.body, t.priority = row.priority, t.channel = row.channel,
                t.category = row.category, t.status = row.status, t.createdAt = row.createdAt,
                t.updatedAt = coalesce(row.resolvedAt, row.createdAt), t.resolution = row.resolution, t.resolvedAt = row.resolvedAt
            MERGE (c)-[:RAISED]->(t)
            WITH t, row
            CALL (t, row) {
              MATCH (p:Product {sku: row.productSku})
              MERGE (t)-[:ABOUT]->(p)
            }
            CALL (t, row) {
              MATCH (a:Article {id: row.articleId})
              MERGE (t)-[:RESOLVED_BY]->(a)
            }
            """;
    private static final String INTERACTIONS = """
            UNWIND $rows AS row
            MATCH (c:Customer {id: row.customerId})
            MERGE (i:Interaction {id: row.id})
            SET i.channel = row.channel, i.type = row.type, i.occurredAt = row.occurredAt, i.text = row.text
            MERGE (c)-[:HAD]->(i)
            WITH i, row
            CALL (i, row) {
              MATCH (p:Product {sku: row.productSku})
              MERGE (i)-[:ABOUT]->(p)
            }
            """;

    private final CypherRunner cypher;

    private final DomainEvents events;

    public DemoDataLoader(CypherRunner cypher, DomainEvents events) {
        this.cypher = cypher;
        this.events = events;
    }

    /** Loads the demo set when the graph has no customers; returns whether it did. Re-running is harmless (MERGE). */
    public boolean loadIfEmpty(int customerCount) {
        boolean empty =
                cypher.read(IS_EMPTY, Map.of(), r -> r.get("empty").asBoolean()).getFirst();
        if (!empty) {
            return false;
        }
        long started = System.nanoTime();
        DemoDataSet data = new DemoDataSet(42, customerCount);
        write(PRODUCTS, data.products());
        write(ARTICLES, data.articles());
        write(CUSTOMERS, data.customers());
        write(ORDERS, data.orders());
        write(TICKETS, data.tickets());
        write(INTERACTIONS, data.interactions());
        log.info(
                "Loaded demo data in {} ms: {} customers, {} products, {} orders, {} tickets, {} articles, {} interactions",
                (System.nanoTime() - started) / 1_000_000,
                data.customers().size(),
                data.products().size(),
                data.orders().size(),
                data.tickets().size(),
                data.articles().size(),
                data.interactions().size());
        events.publish(new DemoDataLoaded("demo", data.customers().size(), events.now()));
        return true;
    }

    private void write(String cypherText, List<Map<String, Object>> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            cypher.write(cypherText, Map.of("rows", batch));
        }
    }
}
