/** GraphQL for support answers, feedback, knowledge gaps and the classifier. */
@NullMarked
package org.crmgraph.api.support;

import org.jspecify.annotations.NullMarked;
