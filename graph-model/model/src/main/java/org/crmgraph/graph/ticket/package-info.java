/** Support tickets. */
@NullMarked
package org.crmgraph.graph.ticket;

import org.jspecify.annotations.NullMarked;
