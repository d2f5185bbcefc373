/** GraphQL for bulk imports and merges. */
@NullMarked
package org.crmgraph.api.importer;

import org.jspecify.annotations.NullMarked;
