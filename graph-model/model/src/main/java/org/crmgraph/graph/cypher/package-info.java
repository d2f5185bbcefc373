/** The one door to Neo4j and helpers for driver values and Cypher scripts. */
@NullMarked
package org.crmgraph.graph.cypher;

import org.jspecify.annotations.NullMarked;
