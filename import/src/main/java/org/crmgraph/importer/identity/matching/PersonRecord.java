package org.crmgraph.importer.identity.matching;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A source record as the matcher compares it: every value lower-cased, accents and punctuation removed, blanks as
 * {@code null}; street words abbreviated one way ({@code street} and {@code st} are both {@code st}).
 *
 * @param key        the source record's provenance key
 * @param customerId the customer it is resolved to
 * @param birthDate  {@code yyyyMMdd}
 */
public record PersonRecord(
        String key,
        String customerId,
        @Nullable String givenName,
        @Nullable String familyName,
        @Nullable String street,
        @Nullable String postcode,
        @Nullable String city,
        @Nullable String region,
        @Nullable String birthDate,
        @Nullable String email,
        @Nullable String phone) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9 ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<String, String> STREET_WORDS = Map.ofEntries(
            Map.entry("street", "st"),
            Map.entry("road", "rd"),
            Map.entry("avenue", "ave"),
            Map.entry("av", "ave"),
            Map.entry("drive", "dr"),
            Map.entry("place", "pl"),
            Map.entry("crescent", "cres"),
            Map.entry("court", "ct"),
            Map.entry("lane", "ln"),
            Map.entry("terrace", "tce"),
            Map.entry("circuit", "cct"),
            Map.entry("close", "cl"),
            Map.entry("parade", "pde"),
            Map.entry("highway", "hwy"),
            Map.entry("boulevard", "blvd"),
            Map.entry("square", "sq"),
            Map.entry("north", "n"),
            Map.entry("south", "s"),
            Map.entry("east", "e"),
            Map.entry("west", "w"));

    /** From a source record's properties ({@code givenName}, {@code familyName}, {@code name}, ...). */
    public static PersonRecord of(String key, String customerId, Map<String, Object> properties) {
        String given = text(properties.get("givenName"));
        String family = text(properties.get("familyName"));
        if (given == null && family == null && properties.get("name") != null) {
            // a full name only: the last word is taken for the family name
            String name = text(properties.get("name"));
            if (name != null) {
                int space = name.lastIndexOf(' ');
                given = space < 0 ? null : name.substring(0, space);
                family = space < 0 ? name : name.substring(space + 1);
            }
        }
        Object birth = properties.get("birthDate");
        String birthDate = birth instanceof LocalDate date
                ? "%04d%02d%02d".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth())
                : birth == null ? null : text(birth.toString().replace("-", ""));
        return new PersonRecord(
                key,
                customerId,
                given,
                family,
                street(text(properties.get("street"))),
                compact(text(properties.get("postcode"))),
                text(properties.get("city")),
                text(properties.get("region")),
                birthDate,
                properties.get("email") == null
                        ? null
                        : properties.get("email").toString().toLowerCase(Locale.ROOT),
                properties.get("phone") == null ? null : properties.get("phone").toString());
    }

    /** The same person with given and family name the other way round. */
    PersonRecord swapped() {
        return new PersonRecord(
                key, customerId, familyName, givenName, street, postcode, city, region, birthDate, email, phone);
    }

    /** The local part of the e-mail address, or {@code null}. */
    @Nullable
    String emailLocalPart() {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? null : email.substring(0, at);
    }

    /** The first run of digits in the street line: the house number. */
    @Nullable
    String streetNumber() {
        if (street == null) {
            return null;
        }
        int start = -1;
        for (int i = 0; i < street.length(); i++) {
            if (Character.isDigit(street.charAt(i))) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                return street.substring(start, i);
            }
        }
        return start < 0 ? null : street.substring(start);
    }

    static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value.toString(), Normalizer.Form.NFD);
        text = MARKS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
        text = NOT_WORD.matcher(text).replaceAll(" ");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String street(@Nullable String street) {
        if (street == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(street.length());
        for (String word : street.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(STREET_WORDS.getOrDefault(word, word));
        }
        return out.toString();
    }

    private static @Nullable String compact(@Nullable String code) {
        return code == null ? null : code.replace(" ", "");
    }
}
