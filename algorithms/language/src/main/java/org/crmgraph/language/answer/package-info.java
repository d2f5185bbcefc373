/** Answering support queries: nearest articles and resolved tickets, ranked sources, a confidence and a decision. */
@NullMarked
package org.crmgraph.language.answer;

import org.jspecify.annotations.NullMarked;
