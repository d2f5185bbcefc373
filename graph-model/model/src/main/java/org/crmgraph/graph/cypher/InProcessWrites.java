package org.crmgraph.graph.cypher;

import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * Write transactions served inside the JVM that hosts the database (the embedded DBMS), without Bolt: for bulk
 * batches, whose parameters would otherwise be encoded, sent over the loopback and decoded again. The work sees the
 * driver's types, as over Bolt; failures arrive as the driver's exceptions.
 */
public interface InProcessWrites {

    /**
     * Runs {@code work} in one write transaction, committed when it returns and rolled back when it throws, cut off
     * after {@code timeout} when there is one.
     */
    <T> T inWrite(Function<SimpleQueryRunner, T> work, @Nullable Duration timeout);
}
