/** Who bought what: the purchase history the similarity steps share, and the derived BOUGHT relationships. */
@NullMarked
package org.crmgraph.analytics.purchase;

import org.jspecify.annotations.NullMarked;
