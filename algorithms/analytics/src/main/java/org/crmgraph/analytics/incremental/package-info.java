/**
 * Analytics between full refreshes: orders and touchpoints update their customer's metrics, RFM scores and segment
 * within seconds, driven by the change log.
 */
@NullMarked
package org.crmgraph.analytics.incremental;

import org.jspecify.annotations.NullMarked;
