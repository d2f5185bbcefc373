package org.crmgraph.graph.money;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Money settings ({@code crm.money.*}).
 *
 * @param defaultCurrency ISO 4217 code of amounts written without one: products and orders created without a currency,
 *                        and data stored before currencies were recorded. GBP by default, the currency of the Online
 *                        Retail demo data.
 */
@ConfigurationProperties(prefix = "crm.money")
public record MoneyProperties(@DefaultValue("GBP") String defaultCurrency) {

    public MoneyProperties {
        String code = defaultCurrency;
        defaultCurrency = Money.currency(code)
                .orElseThrow(() -> new IllegalArgumentException(
                        "crm.money.default-currency '" + code + "' is not an ISO 4217 code"));
    }

    /** The stored currency, or the default for amounts stored without one. */
    public String currencyOr(String stored) {
        return stored == null ? defaultCurrency : stored;
    }
}
