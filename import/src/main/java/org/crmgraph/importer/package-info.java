/** Bulk import: mappings, cleaning, identity resolution, batched writers, jobs and reject reports. */
@NullMarked
package org.crmgraph.importer;

import org.jspecify.annotations.NullMarked;
