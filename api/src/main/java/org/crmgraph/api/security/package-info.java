/** Authentication (API keys, JWT), roles per field, masking, audit, rate limits. */
@NullMarked
package org.crmgraph.api.security;

import org.jspecify.annotations.NullMarked;
