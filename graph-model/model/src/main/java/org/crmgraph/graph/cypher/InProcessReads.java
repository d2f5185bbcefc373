package org.crmgraph.graph.cypher;

import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * Read transactions served inside the JVM that hosts the database (the embedded DBMS), without Bolt. The work sees
 * the driver's types, as over Bolt; failures arrive as the driver's exceptions.
 */
public interface InProcessReads {

    /** Runs {@code work} in one read transaction, cut off after {@code timeout} when there is one. */
    <T> T inRead(Function<SimpleQueryRunner, T> work, @Nullable Duration timeout);
}
