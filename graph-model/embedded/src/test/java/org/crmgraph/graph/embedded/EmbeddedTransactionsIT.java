package org.crmgraph.graph.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.NoSuchRecordException;
import org.neo4j.driver.types.TypeSystem;

/** A read inside the JVM must answer exactly as the same read over Bolt: same records, same driver types, same values. */
class EmbeddedTransactionsIT {

    @TempDir
    static Path dataDir;

    private static EmbeddedNeo4j neo4j;
    private static Driver driver;

    @BeforeAll
    static void start() {
        neo4j = EmbeddedNeo4j.start(dataDir, EmbeddedNeo4jProperties.forTests(false, true));
        driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken());
        driver.executableQuery("CREATE CONSTRAINT customer_id FOR (c:Customer) REQUIRE c.id IS UNIQUE")
                .execute();
        driver.executableQuery("""
                        CREATE (a:Customer:Vip {id: 'a', name: 'Ann', age: 41, score: 0.5, tags: ['x', 'y'],
                                  since: datetime('2025-02-01T10:00:00Z'), born: date('1984-05-06'),
                                  wait: duration('P1M2DT3H4.5S'), home: point({x: 1.5, y: 2.5}), active: true,
                                  vector: [0.25, 0.5]})
                        CREATE (b:Customer {id: 'b', name: 'Bob'})
                        CREATE (a)-[:KNOWS {weight: 3, at: localdatetime('2025-01-01T12:00')}]->(b)""").execute();
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    private static final List<String> QUERIES = List.of(
            "MATCH (c:Customer) RETURN c ORDER BY c.id",
            "MATCH (a)-[k:KNOWS]->(b) RETURN a, k, b",
            "MATCH (c:Customer {id: $id}) RETURN c{.*, extra: [1, 2.0, 'three', null, {nested: c.since}]} AS projected",
            "MATCH (c:Customer) RETURN collect(c) AS all, count(*) AS n, null AS nothing",
            "MATCH (c:Customer {id: $id}) RETURN c.wait AS wait, c.home AS home, c.born AS born, c.tags AS tags",
            "UNWIND $list AS x RETURN x, x * 2 AS twice",
            "MATCH (c:Customer {id: 'nobody'}) RETURN c",
            // schema and procedures, which a driver's read session may read
            "SHOW CONSTRAINTS YIELD name, type RETURN name, type ORDER BY name",
            "SHOW INDEXES YIELD name, type RETURN name, type ORDER BY name",
            "CALL db.labels() YIELD label RETURN label ORDER BY label");

    @Test
    void everyKindOfValueReadsInProcessAsItReadsOverBolt() {
        EmbeddedTransactions reads = neo4j.transactions();
        Map<String, Object> parameters = Map.of("id", "a", "list", List.of(1, 2, 3));
        for (String query : QUERIES) {
            List<Record> overBolt = driver.session().run(query, parameters).list();
            List<Record> inProcess =
                    reads.inRead(tx -> tx.run(query, parameters).list(), null);
            assertThat(inProcess).as(query).hasSameSizeAs(overBolt);
            for (int i = 0; i < overBolt.size(); i++) {
                assertThat(inProcess.get(i).keys())
                        .as(query)
                        .isEqualTo(overBolt.get(i).keys());
                assertThat(describe(inProcess.get(i))).as(query).isEqualTo(describe(overBolt.get(i)));
            }
        }
    }

    @Test
    void aResultOfOneRecordAndAStatementTheDatabaseRefusesBehaveAsOverBolt() {
        EmbeddedTransactions reads = neo4j.transactions();
        Integer one =
                reads.inRead(tx -> tx.run("RETURN 1 AS one").single().get("one").asInt(), Duration.ofSeconds(5));
        assertThat(one).isEqualTo(1);
        assertThatThrownBy(() ->
                        reads.inRead(tx -> tx.run("MATCH (c:Customer) RETURN c").single(), null))
                .isInstanceOf(NoSuchRecordException.class);
        // a write slipped into a read is refused in-process as in a driver's read session
        String write = "CREATE (:Customer {id: 'written-in-a-read'})";
        assertThatThrownBy(() -> driver.session(org.neo4j.driver.SessionConfig.builder()
                                .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ)
                                .build())
                        .executeRead(tx -> tx.run(write).list()))
                .isInstanceOf(ClientException.class);
        assertThatThrownBy(() -> reads.inRead(tx -> tx.run(write).list(), null)).isInstanceOf(ClientException.class);
        assertThat(driver.executableQuery("MATCH (c:Customer {id: 'written-in-a-read'}) RETURN c")
                        .execute()
                        .records())
                .isEmpty();
        assertThatThrownBy(() -> reads.inRead(tx -> tx.run("RETURN nonsense(").list(), null))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("nonsense");
    }

    /** A record as plain Java, with nodes and relationships as their identity, labels or type, and properties. */
    private static Map<String, Object> describe(Record record) {
        Map<String, Object> described = new LinkedHashMap<>();
        record.keys().forEach(key -> described.put(key, describe(record.get(key))));
        return described;
    }

    private static Object describe(Value value) {
        TypeSystem types = TypeSystem.getDefault();
        if (value.hasType(types.NODE())) {
            var node = value.asNode();
            return Map.of(
                    "elementId", node.elementId(),
                    "labels", node.labels(),
                    "properties", node.asMap(EmbeddedTransactionsIT::describe));
        }
        if (value.hasType(types.RELATIONSHIP())) {
            var rel = value.asRelationship();
            return Map.of(
                    "elementId", rel.elementId(),
                    "type", rel.type(),
                    "start", rel.startNodeElementId(),
                    "end", rel.endNodeElementId(),
                    "properties", rel.asMap(EmbeddedTransactionsIT::describe));
        }
        if (value.hasType(types.LIST())) {
            return value.asList(EmbeddedTransactionsIT::describe);
        }
        if (value.hasType(types.MAP())) {
            return value.asMap(EmbeddedTransactionsIT::describe);
        }
        return List.of(value.type().name(), String.valueOf(value.asObject()));
    }
}
