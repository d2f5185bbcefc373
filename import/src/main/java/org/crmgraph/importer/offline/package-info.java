/**
 * The offline first load: a whole file cleaned, de-duplicated and resolved like the online import, folded into the
 * graph it would leave, and written as the CSV files of Neo4j's own bulk importer ({@code neo4j-admin database import}).
 */
@NullMarked
package org.crmgraph.importer.offline;

import org.jspecify.annotations.NullMarked;
