/** The graph model: node types, Cypher, schema migrations, domain events and leases, over any Neo4j. */
@NullMarked
package org.crmgraph.graph;

import org.jspecify.annotations.NullMarked;
