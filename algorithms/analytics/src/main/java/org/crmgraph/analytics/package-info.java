/**
 * Analytics on the CRM graph: customer metrics, segments, communities, similarity,
 * recommendations and churn prediction. Depends on graph-model only, never on language.
 */
@NullMarked
package org.crmgraph.analytics;

import org.jspecify.annotations.NullMarked;
