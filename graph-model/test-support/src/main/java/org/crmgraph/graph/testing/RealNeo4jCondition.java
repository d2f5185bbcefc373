package org.crmgraph.graph.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips {@link RealNeo4j} tests in container mode when no Docker engine answers, saying why. */
public final class RealNeo4jCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestNeo4j.containers()) {
            return ConditionEvaluationResult.enabled("on the embedded Neo4j");
        }
        if (TestNeo4j.dockerAvailable()) {
            return ConditionEvaluationResult.enabled("on a Neo4j server in a container (Testcontainers)");
        }
        String reason =
                "Skipped: " + TestNeo4j.MODE_PROPERTY + "=testcontainers asks for a Neo4j in a container, but no"
                        + " Docker engine is available here. Without that property the same tests run on the embedded Neo4j.";
        System.out.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
