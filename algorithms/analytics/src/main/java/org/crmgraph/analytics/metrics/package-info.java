/** Customer metrics and RFM scores computed in Cypher and written to the customers. */
@NullMarked
package org.crmgraph.analytics.metrics;

import org.jspecify.annotations.NullMarked;
