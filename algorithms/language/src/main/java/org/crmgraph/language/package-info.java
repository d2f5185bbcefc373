/** Language: support answers from transformer models, the ticket classifier, their evaluation. Depends on graph-model only, never on analytics. */
@NullMarked
package org.crmgraph.language;

import org.jspecify.annotations.NullMarked;
