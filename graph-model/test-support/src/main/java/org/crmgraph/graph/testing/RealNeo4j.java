package org.crmgraph.graph.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs on the Neo4j {@link TestNeo4j} selects. In container mode without Docker the class is
 * skipped, and the reason says so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RealNeo4jCondition.class)
public @interface RealNeo4j {}
