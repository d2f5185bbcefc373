/** Product and customer similarity (node similarity) and communities (Louvain, Leiden). */
@NullMarked
package org.crmgraph.analytics.similarity;

import org.jspecify.annotations.NullMarked;
