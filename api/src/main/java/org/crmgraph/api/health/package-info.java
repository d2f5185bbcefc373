/** Health indicators that probes may call freely: cached, checked in the background, cut off when they hang. */
@NullMarked
package org.crmgraph.api.health;

import org.jspecify.annotations.NullMarked;
