/** Customers. */
@NullMarked
package org.crmgraph.graph.customer;

import org.jspecify.annotations.NullMarked;
