/** Neo4j Browser served by the service, with its discovery document and telemetry off. */
@NullMarked
package org.crmgraph.api.browser;

import org.jspecify.annotations.NullMarked;
