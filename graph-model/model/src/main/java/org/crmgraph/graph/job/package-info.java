/** Long jobs clients start and follow by id (analytics refreshes, classifier trainings), kept in the graph. */
@NullMarked
package org.crmgraph.graph.job;

import org.jspecify.annotations.NullMarked;
