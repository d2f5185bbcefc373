/** GraphQL for the audit trail (admins). */
@NullMarked
package org.crmgraph.api.audit;

import org.jspecify.annotations.NullMarked;
