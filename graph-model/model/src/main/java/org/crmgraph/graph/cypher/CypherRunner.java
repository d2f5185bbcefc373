package org.crmgraph.graph.cypher;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;

/**
 * The one door to Neo4j. Every query runs in a driver-managed transaction, so transient errors
 * (leader switches, deadlocks) are retried by the driver, reads are routed to followers in a
 * cluster, and one bookmark manager gives read-your-writes across sessions. The same code works
 * against the embedded DBMS, a single server and a {@code neo4j://} cluster.
 */
public class CypherRunner {

    private final Driver driver;
    private final String database;
    private final BookmarkManager bookmarks;
    private final LongAdder transactions = new LongAdder();

    /**
     * @param database the database name, or {@code null} for the server's default database
     */
    public CypherRunner(Driver driver, String database) {
        this.driver = driver;
        this.database = database == null || database.isBlank() ? null : database;
        this.bookmarks = driver.executableQueryBookmarkManager();
    }

    public <T> List<T> read(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return inRead(tx -> tx.run(cypher, parameters).list(mapper::apply));
    }

    public <T> Optional<T> readOptional(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return read(cypher, parameters, mapper).stream().findFirst();
    }

    public <T> List<T> write(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return inWrite(tx -> tx.run(cypher, parameters).list(mapper::apply));
    }

    public void write(String cypher, Map<String, Object> parameters) {
        inWrite(tx -> tx.run(cypher, parameters).consume());
    }

    /** Several statements in one read transaction; the callback may be retried, so keep it free of side effects. */
    public <T> T inRead(TransactionCallback<T> work) {
        transactions.increment();
        try (Session session = session()) {
            return session.executeRead(work);
        }
    }

    /** Several statements in one write transaction; the callback may be retried, so keep it free of side effects. */
    public <T> T inWrite(TransactionCallback<T> work) {
        transactions.increment();
        try (Session session = session()) {
            return session.executeWrite(work);
        }
    }

    /**
     * Runs write work in a transaction that is always rolled back: a dry run that shows exactly what the
     * work would do, with nothing changed. Not retried; read the answer inside the callback.
     */
    public <T> T rehearse(Function<Transaction, T> work) {
        transactions.increment();
        try (Session session = session();
                Transaction tx = session.beginTransaction()) {
            try {
                return work.apply(tx);
            } finally {
                tx.rollback();
            }
        }
    }

    /** Schema commands cannot share a transaction with data writes; each runs on its own. */
    public void runSchemaCommand(String cypher) {
        inWrite((TransactionContext tx) -> tx.run(cypher).consume());
    }

    /**
     * Transactions opened through this runner since start. Tests use it to prove that nested
     * GraphQL lists load in a bounded number of round trips (no N+1).
     */
    public long transactionCount() {
        return transactions.sum();
    }

    private Session session() {
        var config = SessionConfig.builder().withBookmarkManager(bookmarks);
        if (database != null) {
            config.withDatabase(database);
        }
        return driver.session(config.build());
    }
}
