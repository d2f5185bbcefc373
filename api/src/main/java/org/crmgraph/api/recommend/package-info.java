/** GraphQL for recommendations and similar products and customers. */
@NullMarked
package org.crmgraph.api.recommend;

import org.jspecify.annotations.NullMarked;
