/**
 * Webhooks kept in the graph: the endpoints admins register, and the queue of deliveries made from the change log,
 * so that deliveries survive restarts and are shared by every instance on the database.
 */
@NullMarked
package org.crmgraph.graph.webhook;

import org.jspecify.annotations.NullMarked;
