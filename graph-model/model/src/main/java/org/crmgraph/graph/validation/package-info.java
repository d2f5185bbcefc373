/** Checks of client input and the field errors they produce. */
@NullMarked
package org.crmgraph.graph.validation;

import org.jspecify.annotations.NullMarked;
