/** Streaming ingest: interactions and orders as they happen, over GraphQL and as NDJSON over HTTP. */
@NullMarked
package org.crmgraph.api.ingest;

import org.jspecify.annotations.NullMarked;
