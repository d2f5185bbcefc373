/** Customer segments with k-means over RFM features. */
@NullMarked
package org.crmgraph.analytics.segment;

import org.jspecify.annotations.NullMarked;
