/** Long jobs started over GraphQL and followed by id. */
@NullMarked
package org.crmgraph.api.job;

import org.jspecify.annotations.NullMarked;
