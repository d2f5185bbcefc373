/**
 * The change log in the graph (a transactional outbox): every domain event is written as a {@code (:ChangeEvent)} in
 * the transaction of the change it describes, with a gap-free position, so that subscribers on any instance, and
 * webhook deliveries, see exactly the committed changes, in order, after a crash too.
 */
@NullMarked
package org.crmgraph.graph.outbox;

import org.jspecify.annotations.NullMarked;
