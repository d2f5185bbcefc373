/** GraphQL for orders. */
@NullMarked
package org.crmgraph.api.order;

import org.jspecify.annotations.NullMarked;
