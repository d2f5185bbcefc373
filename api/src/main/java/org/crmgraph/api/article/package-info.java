/** GraphQL for knowledge-base articles. */
@NullMarked
package org.crmgraph.api.article;

import org.jspecify.annotations.NullMarked;
