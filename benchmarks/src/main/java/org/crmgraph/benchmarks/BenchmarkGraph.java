package org.crmgraph.benchmarks;

import java.util.Map;
import org.neo4j.driver.Driver;

/** Generates a CRM graph of a given size inside Neo4j, in batched transactions. */
final class BenchmarkGraph {

    private static final int BATCH = 10_000;
    private static final int PRODUCTS = 500;

    private static final String PRODUCTS_CYPHER = """
            UNWIND range(0, $count - 1) AS i
            MERGE (cat:Category {name: 'Category ' + (i % 20)})
            CREATE (p:Product {sku: 'bp-' + i, name: 'Product ' + i, price: 5.0 + (i * 37 % 500), createdAt: datetime()})
            CREATE (p)-[:IN_CATEGORY]->(cat)
            """;
    private static final String CUSTOMERS_CYPHER = """
            UNWIND range($from, $to - 1) AS i
            CREATE (:Customer {id: 'bc-' + i, name: ['Olivia', 'Liam', 'Emma', 'Noah', 'Mia'][i % 5] + ' ' + ['Smith', 'Müller', 'Rossi', 'Nowak'][i % 4] + ' ' + i,
                    email: 'customer' + i + '@bench.example', country: ['GB', 'DE', 'FR', 'NL', 'ES', 'IT', 'SE', 'PL', 'IE', 'US'][i % 10],
                    createdAt: datetime('2023-01-01T00:00Z') + duration({minutes: i * 7}), updatedAt: datetime()})
            """;
    private static final String ORDERS_CYPHER = """
            UNWIND range($from, $to - 1) AS i
            MATCH (c:Customer {id: 'bc-' + (i * 7919 % $customers)})
            CREATE (c)-[:PLACED]->(o:Order {id: 'bo-' + i, placedAt: datetime('2024-01-01T00:00Z') + duration({minutes: i * 3}),
                    status: 'DELIVERED', channel: 'WEB'})
            WITH o, i
            UNWIND range(0, i % 3) AS line
            MATCH (p:Product {sku: 'bp-' + ((i * 31 + line * 101) % $products)})
            CREATE (o)-[:CONTAINS {quantity: 1 + line, unitPrice: p.price}]->(p)
            WITH o, sum((1 + line) * p.price) AS total
            SET o.total = total
            """;
    private static final String TICKETS_CYPHER = """
            UNWIND range($from, $to - 1) AS i
            MATCH (c:Customer {id: 'bc-' + (i * 104729 % $customers)})
            MATCH (p:Product {sku: 'bp-' + (i % $products)})
            CREATE (c)-[:RAISED]->(t:Ticket {id: 'bt-' + i, subject: 'Question ' + i, body: 'Something about product ' + p.sku,
                    status: ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'][i % 4], priority: ['LOW', 'MEDIUM', 'HIGH', 'URGENT'][i % 4],
                    channel: ['EMAIL', 'WEB', 'CHAT', 'PHONE'][i % 4], createdAt: datetime('2024-06-01T00:00Z') + duration({minutes: i * 11}),
                    updatedAt: datetime()})-[:ABOUT]->(p)
            """;

    private final Driver driver;

    BenchmarkGraph(Driver driver) {
        this.driver = driver;
    }

    void load(int customers, int orders, int tickets) {
        long t0 = System.nanoTime();
        write(PRODUCTS_CYPHER, Map.of("count", PRODUCTS));
        batches(CUSTOMERS_CYPHER, customers, Map.of());
        batches(ORDERS_CYPHER, orders, Map.of("customers", customers, "products", PRODUCTS));
        batches(TICKETS_CYPHER, tickets, Map.of("customers", customers, "products", PRODUCTS));
        System.out.printf("Loaded the graph in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private void batches(String cypher, int count, Map<String, Object> parameters) {
        for (int from = 0; from < count; from += BATCH) {
            var batch = new java.util.HashMap<String, Object>(parameters);
            batch.put("from", from);
            batch.put("to", Math.min(count, from + BATCH));
            write(cypher, batch);
        }
    }

    private void write(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher, parameters).consume());
        }
    }
}
