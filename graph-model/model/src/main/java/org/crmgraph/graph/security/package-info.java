/** API keys (hashed), roles and the audit trail as stored in the graph. */
@NullMarked
package org.crmgraph.graph.security;

import org.jspecify.annotations.NullMarked;
