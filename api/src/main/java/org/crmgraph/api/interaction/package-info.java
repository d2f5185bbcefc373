/** GraphQL for interactions. */
@NullMarked
package org.crmgraph.api.interaction;

import org.jspecify.annotations.NullMarked;
