/** Leases in the graph: one-at-a-time jobs coordinated across every instance that shares the database. */
@NullMarked
package org.crmgraph.graph.lease;

import org.jspecify.annotations.NullMarked;
