package org.crmgraph.graph.embedded;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.NoSuchRecordException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.internal.InternalRelationship;
import org.neo4j.driver.internal.summary.InternalResultSummary;
import org.neo4j.driver.internal.summary.InternalSummaryCounters;
import org.neo4j.driver.internal.value.NodeValue;
import org.neo4j.driver.internal.value.RelationshipValue;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.QueryExecutionType;
import org.neo4j.graphdb.QueryStatistics;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;
import org.neo4j.graphdb.spatial.Point;
import org.neo4j.kernel.api.exceptions.Status;

/**
 * Transactions run inside the JVM that hosts the embedded database, without Bolt: the statement, its result and its
 * transaction never leave the process, so they cost no encoding, no socket and no driver on either side. The work sees
 * the same driver types ({@link SimpleQueryRunner}, {@link Record}, {@link Value}, a {@link ResultSummary} with the
 * statement's counters) as over Bolt, made from the embedded results while their transaction is open, and the
 * parameters pass through the driver's own conversion first, so a statement gets the values it would get over Bolt.
 * Failures arrive as the driver's exceptions: a transient one as a {@link TransientException} (retried like one), a
 * statement the database refuses as a {@link ClientException} with its status code. A read transaction refuses any
 * statement that would write, as a driver's read session does.
 */
public final class EmbeddedTransactions {

    private final GraphDatabaseService database;

    EmbeddedTransactions(GraphDatabaseService database) {
        this.database = database;
    }

    /**
     * Runs {@code work} in one read transaction (a statement that would write is refused before it runs and nothing
     * is committed, as in a driver's read session), cut off after {@code timeout} when there is one.
     */
    public <T> T inRead(Function<SimpleQueryRunner, T> work, @Nullable Duration timeout) {
        return inTransaction(work, timeout, false);
    }

    /**
     * Runs {@code work} in one write transaction and commits it when the work returns (rolled back when it throws), cut
     * off after {@code timeout} when there is one. For the service's own statements only, like every in-process call:
     * no Bolt authentication stands between this and the database.
     */
    public <T> T inWrite(Function<SimpleQueryRunner, T> work, @Nullable Duration timeout) {
        return inTransaction(work, timeout, true);
    }

    private <T> T inTransaction(Function<SimpleQueryRunner, T> work, @Nullable Duration timeout, boolean writes) {
        try (Transaction tx = timeout == null
                ? database.beginTx()
                : database.beginTx(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
            T result = work.apply(new Runner(tx, writes));
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    /** The database's failures as the driver reports them: transient ones retryable, the rest with their status. */
    private static RuntimeException translated(RuntimeException failure) {
        if (failure instanceof TransientFailureException transient_) {
            return new TransientException(transient_.status().code().serialize(), failure.getMessage());
        }
        if (failure instanceof QueryExecutionException query) {
            return query.getStatusCode().startsWith("Neo.TransientError")
                    ? new TransientException(query.getStatusCode(), failure.getMessage())
                    : new ClientException(query.getStatusCode(), failure.getMessage());
        }
        if (failure instanceof Status.HasStatus status) {
            String code = status.status().code().serialize();
            return code.startsWith("Neo.TransientError")
                    ? new TransientException(code, failure.getMessage())
                    : new ClientException(code, failure.getMessage());
        }
        return failure;
    }

    private record Runner(Transaction tx, boolean writes) implements SimpleQueryRunner {

        @Override
        public Result run(String query, Value parameters) {
            return execute(query, parameters == null ? Map.of() : parameters.asMap());
        }

        @Override
        public Result run(String query, Map<String, Object> parameters) {
            // the driver's own conversion, as over Bolt: Integer to Long, sets to lists, Values to Java values
            return execute(
                    query,
                    Values.value(parameters == null ? Map.of() : parameters).asMap());
        }

        @Override
        public Result run(String query, Record parameters) {
            return execute(query, parameters == null ? Map.of() : parameters.asMap());
        }

        @Override
        public Result run(String query) {
            return execute(query, Map.of());
        }

        @Override
        public Result run(Query query) {
            return execute(query.text(), query.parameters().asMap());
        }

        private Result execute(String query, Map<String, Object> parameters) {
            try (var result = tx.execute(query, parameters)) {
                QueryExecutionType.QueryType type =
                        result.getQueryExecutionType().queryType();
                if (!writes
                        && type != QueryExecutionType.QueryType.READ_ONLY
                        && type != QueryExecutionType.QueryType.DBMS) {
                    // the statement's rows are not pulled and the transaction is not committed: nothing is written
                    throw new ClientException(
                            "Neo.ClientError.Statement.AccessMode",
                            "Writing in read access mode not allowed: a read ran a statement that writes (" + type
                                    + ")");
                }
                List<String> keys = result.columns();
                List<Record> records = new ArrayList<>();
                while (result.hasNext()) {
                    Map<String, Object> row = result.next();
                    List<Value> values = new ArrayList<>(keys.size());
                    for (String key : keys) {
                        values.add(value(row.get(key)));
                    }
                    records.add(new InternalRecord(keys, values));
                }
                return new ReadResult(keys, records, summary(query, type, result.getQueryStatistics()));
            }
        }
    }

    /** An embedded result as the driver's type, read to the end while its transaction was open. */
    static Value value(@Nullable Object value) {
        if (value == null) {
            return Values.NULL;
        }
        if (value instanceof Node node) {
            List<String> labels = new ArrayList<>();
            for (Label label : node.getLabels()) {
                labels.add(label.name());
            }
            return new NodeValue(new InternalNode(node.getId(), node.getElementId(), labels, properties(node)));
        }
        if (value instanceof Relationship rel) {
            return new RelationshipValue(new InternalRelationship(
                    rel.getId(),
                    rel.getElementId(),
                    rel.getStartNode().getId(),
                    rel.getStartNode().getElementId(),
                    rel.getEndNode().getId(),
                    rel.getEndNode().getElementId(),
                    rel.getType().name(),
                    properties(rel)));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Value> values = new LinkedHashMap<>();
            map.forEach((k, v) -> values.put((String) k, value(v)));
            return Values.value(values);
        }
        if (value instanceof List<?> list) {
            List<Value> values = new ArrayList<>(list.size());
            list.forEach(v -> values.add(value(v)));
            return Values.value(values);
        }
        if (value instanceof Point point) {
            double[] c = point.getCoordinate().getCoordinate();
            int srid = point.getCRS().getCode();
            return c.length == 3 ? Values.point(srid, c[0], c[1], c[2]) : Values.point(srid, c[0], c[1]);
        }
        if (value instanceof TemporalAmount amount
                && !(value instanceof java.time.Duration)
                && !(value instanceof java.time.Period)) {
            // Cypher's DURATION: months, days, seconds and nanoseconds, as the driver's IsoDuration
            return Values.isoDuration(
                    amount.get(ChronoUnit.MONTHS), amount.get(ChronoUnit.DAYS), amount.get(ChronoUnit.SECONDS), (int)
                            amount.get(ChronoUnit.NANOS));
        }
        if (value instanceof org.neo4j.graphdb.Path) {
            throw new ClientException("Neo.ClientError.Statement.TypeError", "a path is not read in-process");
        }
        return Values.value(value);
    }

    private static Map<String, Value> properties(org.neo4j.graphdb.Entity entity) {
        Map<String, Value> properties = new LinkedHashMap<>();
        entity.getAllProperties().forEach((k, v) -> properties.put(k, value(v)));
        return properties;
    }

    /**
     * What the driver's summary says of a statement that ran here: its text, its type and what it changed (no server,
     * parameters, plan, notifications or timings: nothing of this process reads them, and a batch's parameters would be
     * converted once more for nothing).
     */
    private static ResultSummary summary(String query, QueryExecutionType.QueryType type, QueryStatistics stats) {
        var counters = new InternalSummaryCounters(
                stats.getNodesCreated(),
                stats.getNodesDeleted(),
                stats.getRelationshipsCreated(),
                stats.getRelationshipsDeleted(),
                stats.getPropertiesSet(),
                stats.getLabelsAdded(),
                stats.getLabelsRemoved(),
                stats.getIndexesAdded(),
                stats.getIndexesRemoved(),
                stats.getConstraintsAdded(),
                stats.getConstraintsRemoved(),
                stats.getSystemUpdates());
        return new InternalResultSummary(
                new Query(query),
                null,
                null,
                switch (type) {
                    case READ_ONLY -> org.neo4j.driver.summary.QueryType.READ_ONLY;
                    case READ_WRITE -> org.neo4j.driver.summary.QueryType.READ_WRITE;
                    case WRITE -> org.neo4j.driver.summary.QueryType.WRITE_ONLY;
                    case SCHEMA_WRITE -> org.neo4j.driver.summary.QueryType.SCHEMA_WRITE;
                    case DBMS -> org.neo4j.driver.summary.QueryType.READ_ONLY;
                },
                counters,
                null,
                null,
                List.of(),
                Set.of(),
                -1,
                -1);
    }

    /** The records of one statement, read to the end while its transaction was open, and its summary. */
    private static final class ReadResult implements Result {

        private final List<String> keys;
        private final List<Record> records;
        private final ResultSummary summary;
        private int next;

        ReadResult(List<String> keys, List<Record> records, ResultSummary summary) {
            this.keys = keys;
            this.records = records;
            this.summary = summary;
        }

        @Override
        public List<String> keys() {
            return keys;
        }

        @Override
        public boolean hasNext() {
            return next < records.size();
        }

        @Override
        public Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return records.get(next++);
        }

        @Override
        public Record single() {
            if (records.size() - next != 1) {
                throw new NoSuchRecordException(
                        records.size() - next == 0
                                ? "Cannot retrieve a single record, because this result is empty."
                                : "Expected a result with a single record, but this result contains at least one more.");
            }
            return next();
        }

        @Override
        public Record peek() {
            if (!hasNext()) {
                throw new NoSuchRecordException("Cannot peek past the last record");
            }
            return records.get(next);
        }

        @Override
        public Stream<Record> stream() {
            List<Record> rest = records.subList(next, records.size());
            next = records.size();
            return rest.stream();
        }

        @Override
        public List<Record> list() {
            return new ArrayList<>(stream().toList());
        }

        @Override
        public <T> List<T> list(Function<Record, T> mapper) {
            List<T> mapped = new ArrayList<>(records.size() - next);
            for (Iterator<Record> it = this; it.hasNext(); ) {
                mapped.add(mapper.apply(it.next()));
            }
            return mapped;
        }

        @Override
        public ResultSummary consume() {
            next = records.size();
            return summary;
        }

        @Override
        public boolean isOpen() {
            return hasNext();
        }
    }
}
