/** The demo data set, loaded into an empty graph. */
@NullMarked
package org.crmgraph.graph.demo;

import org.jspecify.annotations.NullMarked;
