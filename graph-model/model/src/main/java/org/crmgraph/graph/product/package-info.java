/** Products and categories. */
@NullMarked
package org.crmgraph.graph.product;

import org.jspecify.annotations.NullMarked;
