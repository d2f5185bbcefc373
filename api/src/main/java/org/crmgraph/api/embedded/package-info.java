/** Starts the embedded Neo4j when no spring.neo4j.uri is set. */
@NullMarked
package org.crmgraph.api.embedded;

import org.jspecify.annotations.NullMarked;
