/** Identity resolution: source records, matching to customers, merges. */
@NullMarked
package org.crmgraph.importer.identity;

import org.jspecify.annotations.NullMarked;
