/** Replays of retried requests: the first response to an idempotency key, kept in the graph for every instance. */
@NullMarked
package org.crmgraph.graph.idempotency;

import org.jspecify.annotations.NullMarked;
