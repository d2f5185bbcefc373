/** GraphQL for customers. */
@NullMarked
package org.crmgraph.api.customer;

import org.jspecify.annotations.NullMarked;
