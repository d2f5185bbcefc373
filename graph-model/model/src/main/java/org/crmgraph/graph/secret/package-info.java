/** Keys the service keeps in the graph for itself, shared by every instance of one database. */
@NullMarked
package org.crmgraph.graph.secret;

import org.jspecify.annotations.NullMarked;
