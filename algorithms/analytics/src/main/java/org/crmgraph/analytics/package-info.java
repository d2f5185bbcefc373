/**
 * Analytics on the CRM graph: customer metrics, segments, communities, similarity,
 * recommendations, churn prediction and support answers. Depends on graph-model only.
 */
package org.crmgraph.analytics;
