/** Orders and their lines. */
@NullMarked
package org.crmgraph.graph.order;

import org.jspecify.annotations.NullMarked;
