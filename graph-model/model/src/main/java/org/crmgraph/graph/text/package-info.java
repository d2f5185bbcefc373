/** Text fingerprints shared by writers and the embedding backfill. */
@NullMarked
package org.crmgraph.graph.text;

import org.jspecify.annotations.NullMarked;
