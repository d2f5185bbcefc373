/** Relay's Node interface: global ids and lookups by them. */
@NullMarked
package org.crmgraph.api.node;

import org.jspecify.annotations.NullMarked;
