/**
 * What changed in the graph, published by the services that write it: the one place follow-up work subscribes to.
 */
@NullMarked
package org.crmgraph.graph.event;

import org.jspecify.annotations.NullMarked;
