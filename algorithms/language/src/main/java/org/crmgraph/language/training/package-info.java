/** Training runs as every entry point starts them: embed first, train, re-route open tickets; a first classifier after the demo data. */
@NullMarked
package org.crmgraph.language.training;

import org.jspecify.annotations.NullMarked;
