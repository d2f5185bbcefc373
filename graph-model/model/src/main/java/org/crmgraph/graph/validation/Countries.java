package org.crmgraph.graph.validation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Country names and codes to ISO 3166-1 alpha-2, from the JDK's own country list plus common exonyms. */
public final class Countries {

    private static final Map<String, String> BY_KEY = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale locale = Locale.of("", code);
            BY_KEY.put(key(code), code);
            BY_KEY.put(key(locale.getISO3Country()), code);
            BY_KEY.put(key(locale.getDisplayCountry(Locale.ENGLISH)), code);
        }
        Map.of(
                        "uk",
                        "GB",
                        "england",
                        "GB",
                        "scotland",
                        "GB",
                        "wales",
                        "GB",
                        "northern ireland",
                        "GB",
                        "usa",
                        "US",
                        "united states of america",
                        "US",
                        "eire",
                        "IE",
                        "rsa",
                        "ZA",
                        "czech republic",
                        "CZ")
                .forEach((name, code) -> BY_KEY.put(key(name), code));
    }

    private Countries() {}

    public static Optional<String> toIsoCode(String nameOrCode) {
        return nameOrCode == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(nameOrCode)));
    }

    private static String key(String value) {
        return value.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}]+", " ")
                .strip();
    }
}
