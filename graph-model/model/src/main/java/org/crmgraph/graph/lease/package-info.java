/** Leases in the graph: one-at-a-time jobs coordinated across every instance that shares the database. */
package org.crmgraph.graph.lease;
