/** Neo4j in-process with Graph Data Science: the runtime only the application, the test harness and the benchmarks use. */
@NullMarked
package org.crmgraph.graph.embedded;

import org.jspecify.annotations.NullMarked;
