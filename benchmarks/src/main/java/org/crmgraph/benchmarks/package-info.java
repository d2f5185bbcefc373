/** Runnable benchmarks that print figures (docs/benchmarks.md). */
@NullMarked
package org.crmgraph.benchmarks;

import org.jspecify.annotations.NullMarked;
