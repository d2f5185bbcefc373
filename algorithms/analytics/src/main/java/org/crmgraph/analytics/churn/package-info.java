/** Churn prediction: a GDS node-classification pipeline trained on a time-based split, with its report. */
@NullMarked
package org.crmgraph.analytics.churn;

import org.jspecify.annotations.NullMarked;
