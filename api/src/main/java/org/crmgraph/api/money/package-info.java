/** Exact money fields over the graph's stored amounts. */
@NullMarked
package org.crmgraph.api.money;

import org.jspecify.annotations.NullMarked;
