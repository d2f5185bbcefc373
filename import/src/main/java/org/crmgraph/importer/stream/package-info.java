/**
 * Streaming ingest: records sent as they happen, cleaned and resolved like a bulk import's rows, answered one by one.
 */
@NullMarked
package org.crmgraph.importer.stream;

import org.jspecify.annotations.NullMarked;
