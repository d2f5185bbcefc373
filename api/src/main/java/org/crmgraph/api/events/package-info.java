/** Real time: the change log served to GraphQL subscribers on every instance. */
@NullMarked
package org.crmgraph.api.events;

import org.jspecify.annotations.NullMarked;
