/** Versioned schema migrations applied at start-up. */
@NullMarked
package org.crmgraph.graph.schema;

import org.jspecify.annotations.NullMarked;
