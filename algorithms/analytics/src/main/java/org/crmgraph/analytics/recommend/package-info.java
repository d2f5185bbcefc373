/** Recommendations from similarity and communities, each with the evidence that explains it. */
@NullMarked
package org.crmgraph.analytics.recommend;

import org.jspecify.annotations.NullMarked;
