/**
 * What changed in the graph, published by the services that write it: the one place follow-up work subscribes to.
 */
package org.crmgraph.graph.event;
