/** Keyset pagination: opaque cursors, page requests, pages. */
@NullMarked
package org.crmgraph.graph.page;

import org.jspecify.annotations.NullMarked;
