/**
 * The filter language of every list ({@code where}): per-field operators, {@code AND}/{@code OR}/{@code NOT} and
 * filters on related nodes, compiled to parameterised Cypher from a fixed description of what each label may be
 * filtered by. Client values only ever become parameters; names are looked up, never pasted.
 */
@NullMarked
package org.crmgraph.graph.filter;

import org.jspecify.annotations.NullMarked;
