/** Offline evaluation of the recommender against naive baselines (popularity, co-occurrence). */
@NullMarked
package org.crmgraph.analytics.evaluation;

import org.jspecify.annotations.NullMarked;
