/** Where the service keeps its files. */
@NullMarked
package org.crmgraph.graph.data;

import org.jspecify.annotations.NullMarked;
