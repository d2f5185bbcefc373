/** GDPR export and erasure of a customer. */
@NullMarked
package org.crmgraph.graph.privacy;

import org.jspecify.annotations.NullMarked;
