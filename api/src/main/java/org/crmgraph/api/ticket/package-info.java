/** GraphQL for support tickets. */
@NullMarked
package org.crmgraph.api.ticket;

import org.jspecify.annotations.NullMarked;
