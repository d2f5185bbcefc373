/** GraphQL for GDPR export and erasure. */
@NullMarked
package org.crmgraph.api.privacy;

import org.jspecify.annotations.NullMarked;
