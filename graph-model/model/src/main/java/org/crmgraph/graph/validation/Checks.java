package org.crmgraph.graph.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.crmgraph.graph.money.Money;
import org.crmgraph.graph.money.MoneyInput;

/**
 * Collects field errors while an input is normalised, so a client learns about every bad field
 * at once instead of one per round trip. Each method returns the normalised value (or
 * {@code null} when it is absent or wrong).
 */
public final class Checks {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final List<FieldError> errors = new ArrayList<>();

    public List<FieldError> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public Checks add(String field, ErrorCode code, String message) {
        errors.add(FieldError.of(field, code, message));
        return this;
    }

    /** Trimmed text with inner runs of white space folded; {@code null} when blank. */
    public String text(String field, String value, int maxLength, boolean required) {
        String cleaned = value == null ? null : value.strip().replaceAll("\\s+", " ");
        if (cleaned == null || cleaned.isEmpty()) {
            if (required) {
                add(field, ErrorCode.REQUIRED, field + " is required.");
            }
            return null;
        }
        if (cleaned.length() > maxLength) {
            add(
                    field,
                    ErrorCode.TOO_LONG,
                    field + " has " + cleaned.length() + " characters; at most " + maxLength + " are allowed.");
            return null;
        }
        return cleaned;
    }

    /** Like {@link #text} but keeps line breaks (bodies of tickets and articles). */
    public String longText(String field, String value, int maxLength, boolean required) {
        String cleaned = value == null ? null : value.strip();
        if (cleaned == null || cleaned.isEmpty()) {
            if (required) {
                add(field, ErrorCode.REQUIRED, field + " is required.");
            }
            return null;
        }
        if (cleaned.length() > maxLength) {
            add(
                    field,
                    ErrorCode.TOO_LONG,
                    field + " has " + cleaned.length() + " characters; at most " + maxLength + " are allowed.");
            return null;
        }
        return cleaned;
    }

    /** An identifier-like code (SKU): no white space or control characters. */
    public String code(String field, String value, int maxLength, boolean required) {
        String cleaned = text(field, value, maxLength, required);
        if (cleaned != null
                && (cleaned.contains(" ") || CONTROL.matcher(cleaned).find())) {
            add(field, ErrorCode.INVALID_FORMAT, field + " must not contain spaces or control characters.");
            return null;
        }
        return cleaned;
    }

    /** Lower-cased, trimmed e-mail address. */
    public String email(String field, String value, boolean required) {
        String cleaned = text(field, value, 254, required);
        if (cleaned == null) {
            return null;
        }
        cleaned = cleaned.toLowerCase(java.util.Locale.ROOT);
        if (!EMAIL.matcher(cleaned).matches()) {
            add(field, ErrorCode.INVALID_FORMAT, "'" + cleaned + "' is not an e-mail address.");
            return null;
        }
        return cleaned;
    }

    /** E.164 ({@code +442079460958}); a number needs its country prefix ({@code +44} or {@code 0044}). */
    public String phone(String field, String value) {
        String cleaned = text(field, value, 40, false);
        if (cleaned == null) {
            return null;
        }
        return Phones.toE164(cleaned, null).orElseGet(() -> {
            add(
                    field,
                    ErrorCode.INVALID_FORMAT,
                    "'" + cleaned + "' is not a phone number with its country prefix, e.g. +44 20 7946 0958.");
            return null;
        });
    }

    /** ISO 3166-1 alpha-2 code from a code or an English country name. */
    public String country(String field, String value) {
        String cleaned = text(field, value, 100, false);
        if (cleaned == null) {
            return null;
        }
        return Countries.toIsoCode(cleaned).orElseGet(() -> {
            add(field, ErrorCode.INVALID_FORMAT, "'" + cleaned + "' is not a country name or ISO 3166 code.");
            return null;
        });
    }

    public Double nonNegative(String field, Double value, boolean required) {
        if (value == null) {
            if (required) {
                add(field, ErrorCode.REQUIRED, field + " is required.");
            }
            return null;
        }
        if (value < 0 || value.isNaN() || value.isInfinite()) {
            add(field, ErrorCode.OUT_OF_RANGE, field + " must be zero or more, was " + value + ".");
            return null;
        }
        return value;
    }

    /**
     * A price or amount: zero or more, storable exactly ({@link Money#unstorable}), in an ISO 4217 currency
     * ({@code defaultCurrency} when the input names none). Errors name {@code field.amount} or
     * {@code field.currencyCode}.
     */
    public Money money(String field, MoneyInput value, boolean required, String defaultCurrency) {
        if (value == null || value.amount() == null) {
            if (required) {
                add(value == null ? field : field + ".amount", ErrorCode.REQUIRED, field + " is required.");
            }
            return null;
        }
        if (value.amount().signum() < 0) {
            add(
                    field + ".amount",
                    ErrorCode.OUT_OF_RANGE,
                    field + " must be zero or more, was " + value.amount().toPlainString() + ".");
            return null;
        }
        var unstorable = Money.unstorable(value.amount());
        if (unstorable.isPresent()) {
            add(field + ".amount", ErrorCode.INVALID_FORMAT, field + " " + unstorable.get() + ".");
            return null;
        }
        String currency = value.currencyCode() == null
                ? defaultCurrency
                : Money.currency(value.currencyCode()).orElse(null);
        if (currency == null) {
            add(
                    field + ".currencyCode",
                    ErrorCode.INVALID_FORMAT,
                    "'" + value.currencyCode() + "' is not an ISO 4217 currency code (e.g. GBP, EUR, USD).");
            return null;
        }
        return new Money(value.amount(), currency);
    }

    public Integer positive(String field, Integer value) {
        if (value == null) {
            add(field, ErrorCode.REQUIRED, field + " is required.");
            return null;
        }
        if (value <= 0) {
            add(field, ErrorCode.OUT_OF_RANGE, field + " must be at least 1, was " + value + ".");
            return null;
        }
        return value;
    }
}
