package org.crmgraph.graph.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * An exact amount in a currency. {@code amount} carries at least the currency's minor-unit digits ({@code 15.30} in
 * GBP, {@code 1500} in JPY) and more when the value has them ({@code 0.001} stays {@code 0.001}): nothing is rounded
 * away.
 *
 * @param amount       exact decimal amount
 * @param currencyCode ISO 4217 code, e.g. GBP
 */
public record Money(BigDecimal amount, String currencyCode) {

    /** Most decimal places an amount may have when it is written. */
    public static final int MAX_SCALE = 4;

    /** Most significant digits an amount may have when it is written: a double recovers every such decimal. */
    public static final int MAX_PRECISION = 15;

    public Money {
        amount = display(amount, currencyCode);
    }

    /**
     * The amount a stored float was written from ({@link BigDecimal#valueOf(double)} gives the shortest decimal that
     * reads back as the float, which is the decimal written when it obeys {@link #MAX_SCALE} and
     * {@link #MAX_PRECISION}); sums stored by the service are rounded to {@link #MAX_SCALE} places for the same reason.
     */
    public static Money ofStored(double stored, String currencyCode) {
        return new Money(BigDecimal.valueOf(stored).setScale(MAX_SCALE, RoundingMode.HALF_EVEN), currencyCode);
    }

    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currencyCode);
    }

    public Money plus(Money other) {
        if (!currencyCode.equals(other.currencyCode)) {
            throw new IllegalArgumentException("Cannot add " + other.currencyCode + " to " + currencyCode);
        }
        return new Money(amount.add(other.amount), currencyCode);
    }

    /** The ISO 4217 code for {@code code} (any case, surrounding spaces ignored), or empty when it is none. */
    public static Optional<String> currency(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (upper.length() != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(upper).getCurrencyCode());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Why {@code amount} cannot be stored exactly, or empty when it can. */
    public static Optional<String> unstorable(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() > MAX_SCALE) {
            return Optional.of("has more than " + MAX_SCALE + " decimal places");
        }
        if (plain.precision() > MAX_PRECISION) {
            return Optional.of("has more than " + MAX_PRECISION + " significant digits");
        }
        return Optional.empty();
    }

    private static BigDecimal display(BigDecimal amount, String currencyCode) {
        int minor = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.setScale(Math.max(minor, plain.scale()), RoundingMode.UNNECESSARY);
    }
}
