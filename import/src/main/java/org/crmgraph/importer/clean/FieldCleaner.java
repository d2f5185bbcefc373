package org.crmgraph.importer.clean;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.crmgraph.graph.interaction.Channel;
import org.crmgraph.graph.money.Money;
import org.crmgraph.graph.ticket.TicketPriority;
import org.crmgraph.graph.ticket.TicketStatus;
import org.crmgraph.graph.validation.Checks;
import org.crmgraph.graph.validation.Countries;
import org.crmgraph.graph.validation.Phones;
import org.crmgraph.importer.mapping.FieldRule;

/** Turns the raw text of one field into its clean, typed value; one instance per field of a mapping. */
final class FieldCleaner {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WHOLE_DECIMAL = Pattern.compile("^-?\\d+\\.0+$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    static final int MAX_TEXT = 500;
    static final int MAX_LONG_TEXT = 20_000;

    private static final Map<String, Channel> CHANNELS = Map.ofEntries(
            Map.entry("EMAIL", Channel.EMAIL),
            Map.entry("E MAIL", Channel.EMAIL),
            Map.entry("MAIL", Channel.EMAIL),
            Map.entry("WEB", Channel.WEB),
            Map.entry("WEBSITE", Channel.WEB),
            Map.entry("ONLINE", Channel.WEB),
            Map.entry("CHAT", Channel.CHAT),
            Map.entry("LIVE CHAT", Channel.CHAT),
            Map.entry("LIVECHAT", Channel.CHAT),
            Map.entry("PHONE", Channel.PHONE),
            Map.entry("CALL", Channel.PHONE),
            Map.entry("TELEPHONE", Channel.PHONE),
            Map.entry("SOCIAL", Channel.SOCIAL),
            Map.entry("TWITTER", Channel.SOCIAL),
            Map.entry("X", Channel.SOCIAL),
            Map.entry("FACEBOOK", Channel.SOCIAL),
            Map.entry("INSTAGRAM", Channel.SOCIAL),
            Map.entry("LINKEDIN", Channel.SOCIAL),
            Map.entry("STORE", Channel.STORE),
            Map.entry("SHOP", Channel.STORE),
            Map.entry("POS", Channel.STORE),
            Map.entry("OTHER", Channel.OTHER));
    private static final Map<String, TicketStatus> STATUSES = Map.of(
            "NEW",
            TicketStatus.OPEN,
            "SOLVED",
            TicketStatus.RESOLVED,
            "PENDING",
            TicketStatus.WAITING_ON_CUSTOMER,
            "WAITING",
            TicketStatus.WAITING_ON_CUSTOMER,
            "ON HOLD",
            TicketStatus.IN_PROGRESS);
    private static final Map<String, TicketPriority> PRIORITIES =
            Map.of("NORMAL", TicketPriority.MEDIUM, "CRITICAL", TicketPriority.URGENT);

    private final FieldRule rule;
    private final String defaultCountry;
    private final DateTimes dateTimes;

    FieldCleaner(FieldRule rule, ZoneId zone, String defaultCountry) {
        this.rule = rule;
        this.defaultCountry = defaultCountry;
        this.dateTimes = new DateTimes(zone, rule.formats());
    }

    /** Cleans a value that is not blank. */
    Cleaned clean(String raw) {
        String text = raw.strip();
        return switch (rule.field().kind()) {
            case ID -> Cleaned.of(WHOLE_DECIMAL.matcher(text).matches() ? text.substring(0, text.indexOf('.')) : text);
            case CODE -> Cleaned.of(text.toUpperCase(Locale.ROOT));
            case TEXT -> text(SPACES.matcher(text).replaceAll(" "), MAX_TEXT);
            case LONG_TEXT -> text(text.replace("\r\n", "\n").replace('\r', '\n'), MAX_LONG_TEXT);
            case PERSON_NAME -> text(personName(SPACES.matcher(text).replaceAll(" ")), MAX_TEXT);
            case EMAIL -> email(text);
            case PHONE -> phone(text);
            case COUNTRY ->
                Countries.toIsoCode(text)
                        .<Cleaned>map(Cleaned::of)
                        .orElseGet(() -> Cleaned.invalid("not a country name or ISO 3166 code"));
            case INTEGER -> integer(text);
            case DECIMAL -> decimal(text);
            case CURRENCY ->
                Money.currency(text)
                        .<Cleaned>map(Cleaned::of)
                        .orElseGet(() -> Cleaned.invalid("not an ISO 4217 currency code"));
            case DATETIME -> dateTimes.parse(text);
            case DATE -> dateTimes.parseDate(text);
            case CHANNEL -> lookup(text, CHANNELS, Channel.class);
            case TICKET_STATUS -> lookup(text, STATUSES, TicketStatus.class);
            case TICKET_PRIORITY -> lookup(text, PRIORITIES, TicketPriority.class);
            case LIST ->
                Cleaned.of(List.copyOf(new LinkedHashSet<>(Arrays.stream(text.split("[;|]"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())));
        };
    }

    private Cleaned text(String text, int max) {
        if (CONTROL.matcher(text).find()) {
            return Cleaned.invalid("contains control characters");
        }
        if (text.length() > max) {
            return Cleaned.invalid("longer than " + max + " characters");
        }
        return Cleaned.of(rule.titleCase() ? titleCase(text) : text);
    }

    /** The API's own e-mail rule ({@link Checks#email}), after a {@code mailto:} prefix is removed. */
    private static Cleaned email(String text) {
        String raw = text.regionMatches(true, 0, "mailto:", 0, 7) ? text.substring(7) : text;
        String email = new Checks().email("email", raw, false);
        return email != null ? Cleaned.of(email) : Cleaned.invalid("not an e-mail address");
    }

    private Cleaned phone(String text) {
        if (!text.startsWith("+") && !text.startsWith("00") && defaultCountry == null) {
            return Cleaned.invalid("no country prefix (+44...) and the mapping gives no defaultCountry");
        }
        return Phones.toE164(text, defaultCountry)
                .<Cleaned>map(Cleaned::of)
                .orElseGet(() -> Cleaned.invalid("not a valid phone number"));
    }

    private static Cleaned integer(String text) {
        Cleaned number = decimal(text);
        if (number instanceof Cleaned.Value(Double value)) {
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                return Cleaned.invalid("not a whole number");
            }
            return Cleaned.of(value.longValue());
        }
        return number;
    }

    /**
     * Accepts {@code 1234.5}, {@code 1,234.5}, {@code 1.234,5} and {@code 1234,5}: when both separators
     * occur the last one is the decimal point; a lone comma is one unless three digits follow it.
     */
    static Cleaned decimal(String raw) {
        String text = raw.replace(" ", "").replace("\u00a0", "");
        int comma = text.lastIndexOf(',');
        int dot = text.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            text = comma > dot ? text.replace(".", "").replace(',', '.') : text.replace(",", "");
        } else if (comma >= 0) {
            boolean thousands = text.indexOf(',') != comma || text.length() - comma - 1 == 3;
            text = thousands ? text.replace(",", "") : text.replace(',', '.');
        }
        try {
            BigDecimal exact = new BigDecimal(text);
            var unstorable = Money.unstorable(exact);
            if (unstorable.isPresent()) {
                return Cleaned.invalid(unstorable.get() + " (it could not be stored exactly)");
            }
            double value = exact.doubleValue();
            return Double.isFinite(value) ? Cleaned.of(value) : Cleaned.invalid("not a number");
        } catch (NumberFormatException e) {
            return Cleaned.invalid("not a number");
        }
    }

    private static <E extends Enum<E>> Cleaned lookup(String text, Map<String, E> aliases, Class<E> type) {
        String key = text.toUpperCase(Locale.ROOT)
                .replace('-', ' ')
                .replace('_', ' ')
                .strip();
        E alias = aliases.get(key);
        if (alias != null) {
            return Cleaned.of(alias);
        }
        try {
            return Cleaned.of(Enum.valueOf(type, key.replace(' ', '_')));
        } catch (IllegalArgumentException e) {
            return Cleaned.invalid("not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Names written all in capitals or all in lower case get title case; mixed case is left as written. */
    static String personName(String name) {
        boolean allUpper = name.equals(name.toUpperCase(Locale.ROOT));
        boolean allLower = name.equals(name.toLowerCase(Locale.ROOT));
        return allUpper || allLower ? titleCase(name) : name;
    }

    static String titleCase(String text) {
        var out = new StringBuilder(text.length());
        boolean startOfWord = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(startOfWord ? Character.toTitleCase(c) : Character.toLowerCase(c));
            // an apostrophe does not start a word: "children's", not "Children'S"
            startOfWord = !Character.isLetterOrDigit(c) && c != '\'' && c != '\u2019';
        }
        return out.toString();
    }
}
