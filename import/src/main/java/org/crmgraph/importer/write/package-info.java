/** Batched writers per entity type (UNWIND). */
@NullMarked
package org.crmgraph.importer.write;

import org.jspecify.annotations.NullMarked;
