/** GraphQL plumbing shared by the controllers: connections, scalars, limits, error handling. */
@NullMarked
package org.crmgraph.api.graphql;

import org.jspecify.annotations.NullMarked;
