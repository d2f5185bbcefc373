/**
 * Exact money: amounts as {@link java.math.BigDecimal} with an ISO 4217 currency. Stored amounts are Neo4j floats
 * (what analysts sum in Neo4j Browser) that are only ever written from decimals of at most {@value
 * org.crmgraph.graph.money.Money#MAX_SCALE} decimal places and {@value org.crmgraph.graph.money.Money#MAX_PRECISION}
 * significant digits, so the shortest decimal that reads back as the float is exactly the decimal written: reading
 * recovers it, and every sum is done again in decimal arithmetic, never in binary floating point.
 */
@NullMarked
package org.crmgraph.graph.money;

import org.jspecify.annotations.NullMarked;
