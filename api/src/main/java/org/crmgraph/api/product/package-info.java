/** GraphQL for products and categories. */
@NullMarked
package org.crmgraph.api.product;

import org.jspecify.annotations.NullMarked;
