/** Measuring support answers on a labelled question set (e.g. BANKING77). */
@NullMarked
package org.crmgraph.language.evaluation;

import org.jspecify.annotations.NullMarked;
