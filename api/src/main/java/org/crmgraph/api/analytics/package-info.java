/** GraphQL for analytics: refreshes, segments, communities, churn. */
@NullMarked
package org.crmgraph.api.analytics;

import org.jspecify.annotations.NullMarked;
