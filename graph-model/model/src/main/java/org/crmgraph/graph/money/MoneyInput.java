package org.crmgraph.graph.money;

import java.math.BigDecimal;

/**
 * An amount a client writes; checked with {@link org.crmgraph.graph.validation.Checks#money}.
 *
 * @param currencyCode ISO 4217 code; the configured default ({@code crm.money.default-currency}) when null
 */
public record MoneyInput(BigDecimal amount, String currencyCode) {}
