/** Mapping files: which column becomes which field of which entity. */
@NullMarked
package org.crmgraph.importer.mapping;

import org.jspecify.annotations.NullMarked;
