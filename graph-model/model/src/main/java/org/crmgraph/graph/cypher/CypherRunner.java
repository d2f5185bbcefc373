package org.crmgraph.graph.cypher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.RetryableException;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.UserSelection;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the code reaches Neo4j, on Spring Data Neo4j: single statements go through SDN's {@link Neo4jClient}, and
 * several statements that must share a transaction run on the driver transaction that SDN's
 * {@link Neo4jTransactionManager} binds to the thread. Every unit of work runs in a Spring-managed transaction: a
 * read-only one is routed to a reader in a {@code neo4j://} cluster, SDN's bookmark manager gives read-your-writes
 * across transactions, and transient failures (leader switches, deadlocks, a server away for a moment) are retried
 * by a {@link RetryTemplate} for {@code spring.neo4j.max-transaction-retry-time}. Work started inside a transaction
 * joins it instead. The same code serves the embedded DBMS, a single server and a cluster. Where the database runs in
 * this JVM ({@link InProcessReads}), a read that opens its own transaction runs there, without Bolt, with the same
 * driver types, counting, retries and deadline, and so does an import's batch ({@link #inBatchWrite},
 * {@link InProcessWrites}); reads inside a transaction and every other write stay on the driver.
 */
public class CypherRunner {

    /** Work that needs several statements in one transaction; it may be retried, so keep it free of side effects. */
    @FunctionalInterface
    public interface Work<T> {
        T run(SimpleQueryRunner tx);
    }

    private final Neo4jClient client;
    private final Driver driver;
    private final DatabaseSelectionProvider databases;
    private final TransactionTemplate reads;
    private final TransactionTemplate writes;
    private final RetryTemplate retries;
    private final @Nullable InProcessReads inProcess;
    private final @Nullable InProcessWrites batchWrites;
    private final LongAdder transactions = new LongAdder();

    // background workers' polls are not what a request costs, and would make request counts depend on timing
    private static final ThreadLocal<Boolean> BACKGROUND = ThreadLocal.withInitial(() -> false);

    /**
     * @param retryFor how long transient failures are retried before the last one is thrown
     */
    public CypherRunner(
            Neo4jClient client,
            PlatformTransactionManager transactionManager,
            Driver driver,
            DatabaseSelectionProvider databases,
            Duration retryFor) {
        this(client, transactionManager, driver, databases, retryFor, null, null);
    }

    /**
     * @param inProcess   where the database runs in this JVM: reads that open their own transaction run there, without
     *                    Bolt (reads inside a Spring-managed transaction keep going through the driver)
     * @param batchWrites where the database runs in this JVM: {@link #inBatchWrite} work runs there, without Bolt
     */
    public CypherRunner(
            Neo4jClient client,
            PlatformTransactionManager transactionManager,
            Driver driver,
            DatabaseSelectionProvider databases,
            Duration retryFor,
            @Nullable InProcessReads inProcess,
            @Nullable InProcessWrites batchWrites) {
        this.inProcess = inProcess;
        this.batchWrites = batchWrites;
        this.client = client;
        this.driver = driver;
        this.databases = databases;
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
        this.writes = new TransactionTemplate(transactionManager);
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .predicate(CypherRunner::isTransient)
                .maxRetries(Long.MAX_VALUE)
                .timeout(retryFor)
                .delay(Duration.ofMillis(50))
                .multiplier(2)
                .maxDelay(Duration.ofSeconds(1))
                .build());
    }

    /** A runner on a bare driver, with SDN's client and transaction manager of its own (tools and tests). */
    public static CypherRunner over(Driver driver) {
        DatabaseSelectionProvider databases = DatabaseSelectionProvider.getDefaultSelectionProvider();
        return new CypherRunner(
                Neo4jClient.create(driver, databases),
                Neo4jTransactionManager.with(driver)
                        .withDatabaseSelectionProvider(databases)
                        .build(),
                driver,
                databases,
                Duration.ofSeconds(30));
    }

    public <T> List<T> read(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        if (readsInProcess()) {
            return inProcess(tx -> tx.run(cypher, parameters).list(mapper));
        }
        return inTransaction(reads, () -> fetch(cypher, parameters, mapper));
    }

    /** The first record's value; empty when there is no record or it maps to null. */
    public <T> Optional<T> readOptional(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        List<T> values = read(cypher, parameters, mapper);
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.getFirst());
    }

    public <T> List<T> write(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return inTransaction(writes, () -> fetch(cypher, parameters, mapper));
    }

    public void write(String cypher, Map<String, Object> parameters) {
        inTransaction(writes, () -> client.query(cypher).bindAll(parameters).run());
    }

    /** Several statements in one read transaction; the work may be retried, so keep it free of side effects. */
    public <T> T inRead(Work<T> work) {
        if (readsInProcess()) {
            return inProcess(work::run);
        }
        return inTransaction(reads, () -> work.run(boundTransaction()));
    }

    /** A read of its own (not joining a transaction) where the database runs in this JVM. */
    private boolean readsInProcess() {
        return inProcess != null && !TransactionSynchronizationManager.isActualTransactionActive();
    }

    /** Counted and retried like a driver transaction, and cut off at the request's deadline like one. */
    private <T> T inProcess(Function<SimpleQueryRunner, T> work) {
        return counted(() -> {
            Duration left = remainingBeforeDeadline();
            return inProcess.inRead(work, left);
        });
    }

    /** The request's time left (null outside a request); a request already out of time goes no further. */
    private static @Nullable Duration remainingBeforeDeadline() {
        Duration left = TransactionDeadline.remaining();
        if (left != null && (left.isNegative() || left.isZero())) {
            throw new TransactionDeadline.Exceeded();
        }
        return left;
    }

    /** Several statements in one write transaction; the work may be retried, so keep it free of side effects. */
    public <T> T inWrite(Work<T> work) {
        return inTransaction(writes, () -> work.run(boundTransaction()));
    }

    /**
     * A bulk batch: {@link #inWrite} for work whose statements carry thousands of rows and that reaches the database
     * only through the {@code tx} it is given. Where the database runs in this JVM the transaction runs there, without
     * Bolt, and what the work registers to run after the commit (the change log's publication) runs after it, never
     * for an attempt rolled back, as around a driver transaction. Retried like {@link #inWrite}; inside another
     * transaction it joins that one. Another {@code CypherRunner} call made inside the work would be a transaction of
     * its own, not part of the batch (and would wait for any lock the batch holds): keep the work on {@code tx}.
     */
    public <T> T inBatchWrite(Work<T> work) {
        if (batchWrites == null || TransactionSynchronizationManager.isSynchronizationActive()) {
            return inWrite(work);
        }
        return counted(() -> {
            Duration left = remainingBeforeDeadline();
            return inProcessBatch(batchWrites, work, left);
        });
    }

    /**
     * One attempt of a batch in-process, with Spring's transaction synchronisation around it as its transaction
     * manager sets it up around a driver transaction: before-commit and before-completion once the work returned (the
     * commit follows at once), after-commit and after-completion once it committed; for an attempt that failed,
     * before-completion (unless it ran) and after-completion as rolled back, and nothing it registered runs again.
     */
    private static <T> T inProcessBatch(InProcessWrites batchWrites, Work<T> work, @Nullable Duration timeout) {
        TransactionSynchronizationManager.initSynchronization();
        boolean[] completing = {false};
        T result;
        List<TransactionSynchronization> registered;
        try {
            result = batchWrites.inWrite(
                    tx -> {
                        T done = work.run(tx);
                        TransactionSynchronizationUtils.triggerBeforeCommit(false);
                        completing[0] = true;
                        TransactionSynchronizationUtils.triggerBeforeCompletion();
                        return done;
                    },
                    timeout);
            registered = TransactionSynchronizationManager.getSynchronizations();
        } catch (RuntimeException | Error e) {
            if (!completing[0]) {
                TransactionSynchronizationUtils.triggerBeforeCompletion();
            }
            List<TransactionSynchronization> dropped = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationManager.clearSynchronization();
            TransactionSynchronizationUtils.invokeAfterCompletion(
                    dropped, TransactionSynchronization.STATUS_ROLLED_BACK);
            throw e;
        }
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationUtils.invokeAfterCommit(registered);
        TransactionSynchronizationUtils.invokeAfterCompletion(registered, TransactionSynchronization.STATUS_COMMITTED);
        return result;
    }

    /**
     * Runs write work in a transaction that is always rolled back: a dry run that shows exactly what the work would
     * do, with nothing changed. Not retried; read the answer inside the work.
     *
     * @throws IllegalStateException inside another transaction: the rollback would take the caller's work with it
     */
    public <T> T rehearse(Work<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a rehearsal needs a transaction of its own; it was called inside one, "
                    + "whose work its rollback would undo");
        }
        transactions.increment();
        return underDeadline(writes).execute(status -> {
            status.setRollbackOnly();
            return work.run(boundTransaction());
        });
    }

    /** Schema commands cannot share a transaction with data writes; each runs on its own. */
    public void runSchemaCommand(String cypher) {
        write(cypher, Map.of());
    }

    /**
     * Transactions opened through this runner since start. Tests use it to prove that nested GraphQL lists load in a
     * bounded number of round trips (no N+1).
     */
    public long transactionCount() {
        return transactions.sum();
    }

    /**
     * Marks the calling thread as a background worker (a poller that runs whatever requests do): its transactions
     * are left out of {@link #transactionCount()}. For threads owned by the worker, set once when they start.
     */
    public static void markBackgroundThread() {
        BACKGROUND.set(true);
    }

    private <T> List<T> fetch(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        // Neo4jClient drops records mapped to null; a mapper here may map a record to null (an absent value), and
        // callers count on one element per record, so each result travels in a box
        Collection<Mapped<T>> mapped = client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Mapped.<T>type())
                .mappedBy((types, record) -> new Mapped<>(mapper.apply(record)))
                .all();
        List<T> values = new ArrayList<>(mapped.size());
        mapped.forEach(m -> values.add(m.value()));
        return values;
    }

    private record Mapped<T>(@Nullable T value) {
        @SuppressWarnings("unchecked")
        static <T> Class<Mapped<T>> type() {
            return (Class<Mapped<T>>) (Class<?>) Mapped.class;
        }
    }

    /** The outermost unit of work opens (and retries) a transaction; nested work joins it. */
    private <T> T inTransaction(TransactionTemplate template, UnitOfWork<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.run();
        }
        return counted(() -> underDeadline(template).execute(status -> work.run()));
    }

    /** One transaction, counted (unless on a background thread) and retried while its failures are transient. */
    private <T> T counted(UnitOfWork<T> transaction) {
        try {
            return retries.execute(() -> {
                if (!BACKGROUND.get()) {
                    transactions.increment();
                }
                return transaction.run();
            });
        } catch (RetryException e) {
            Throwable last = e.getCause();
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(last);
        }
    }

    /**
     * Within a request, the transaction gets Neo4j's own timeout of the time the request has left (whole seconds,
     * at least one), so the database stops the work when the client has been answered with a timeout.
     */
    private TransactionTemplate underDeadline(TransactionTemplate template) {
        Duration left = TransactionDeadline.remaining();
        if (left == null) {
            return template;
        }
        if (left.isNegative() || left.isZero()) {
            throw new TransactionDeadline.Exceeded();
        }
        TransactionTemplate bounded = new TransactionTemplate(template.getTransactionManager(), template);
        bounded.setTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (left.toMillis() + 999) / 1000)));
        return bounded;
    }

    private Transaction boundTransaction() {
        Transaction tx = Neo4jTransactionManager.retrieveTransaction(
                driver, databases.getDatabaseSelection(), UserSelection.connectedUser());
        if (tx == null) {
            throw new IllegalStateException("no Neo4j transaction is bound to this thread");
        }
        return tx;
    }

    /** What is worth another try: the driver's retryable failures, and Spring's transient ones wrapping them. */
    static boolean isTransient(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetryableException || t instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface UnitOfWork<T> {
        T run();
    }
}
