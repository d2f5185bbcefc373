package org.crmgraph.graph.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Optional;

/**
 * Phone numbers in E.164 ({@code +442079460000}), the one form stored, so that a number typed into the
 * API and the same number in an import are equal and identity resolution can match on it.
 */
public final class Phones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Phones() {}

    /**
     * @param defaultCountry ISO code used to read a number written without {@code +} or {@code 00}, or
     *                       {@code null}: such a number is then not understood
     * @return the E.164 form, or empty when the text is not a valid number
     */
    public static Optional<String> toE164(String text, String defaultCountry) {
        if (text == null) {
            return Optional.empty();
        }
        String raw = text.strip();
        if (raw.startsWith("00")) {
            raw = "+" + raw.substring(2);
        }
        if (!raw.startsWith("+") && defaultCountry == null) {
            return Optional.empty();
        }
        try {
            var number = PHONES.parse(raw, defaultCountry == null ? "ZZ" : defaultCountry);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
