/** The one GDS lifecycle: project a named in-memory graph, run, drop it in a finally. */
@NullMarked
package org.crmgraph.analytics.gds;

import org.jspecify.annotations.NullMarked;
