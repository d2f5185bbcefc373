/** Knowledge-base articles. */
@NullMarked
package org.crmgraph.graph.article;

import org.jspecify.annotations.NullMarked;
