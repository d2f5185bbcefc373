/** Interactions on every channel. */
@NullMarked
package org.crmgraph.graph.interaction;

import org.jspecify.annotations.NullMarked;
