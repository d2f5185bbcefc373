/** A real Neo4j for integration tests of every module. */
@NullMarked
package org.crmgraph.graph.testing;

import org.jspecify.annotations.NullMarked;
