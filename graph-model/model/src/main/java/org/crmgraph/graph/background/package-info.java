/** What the service's background threads share: a pause a wake-up cuts short. */
@NullMarked
package org.crmgraph.graph.background;

import org.jspecify.annotations.NullMarked;
