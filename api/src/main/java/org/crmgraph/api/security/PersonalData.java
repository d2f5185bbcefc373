package org.crmgraph.api.security;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How personal values look to roles that may not see them: enough to tell two records apart or to
 * see that a value is present, not enough to contact or identify the person.
 */
enum PersonalData {
    NAME {
        @Override
        String mask(String value) {
            StringBuilder initials = new StringBuilder();
            for (String part : value.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    initials.append(part.codePoints()
                                    .limit(1)
                                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
                            .append(". ");
                }
            }
            return initials.toString().strip();
        }
    },
    EMAIL {
        @Override
        String mask(String value) {
            int at = value.lastIndexOf('@');
            if (at <= 0) {
                return HIDDEN;
            }
            String domain = value.substring(at + 1);
            int dot = domain.lastIndexOf('.');
            String tld = dot < 0 ? "" : domain.substring(dot);
            return value.charAt(0) + HIDDEN + "@" + (domain.isEmpty() ? "" : domain.charAt(0) + HIDDEN) + tld;
        }
    },
    PHONE {
        @Override
        String mask(String value) {
            int digits = (int) value.chars().filter(Character::isDigit).count();
            StringBuilder masked = new StringBuilder(value.startsWith("+") ? "+" : "");
            int seen = 0;
            for (char c : value.toCharArray()) {
                if (Character.isDigit(c)) {
                    masked.append(++seen > digits - 2 ? c : '•');
                }
            }
            return masked.toString();
        }
    },
    ADDRESS {
        @Override
        String mask(String value) {
            return HIDDEN;
        }
    },
    /**
     * Free text (a ticket's subject, body and resolution, an interaction's text, questions): kept readable, with the
     * e-mail addresses, phone numbers and the customer's own name in it taken out.
     */
    TEXT {
        @Override
        String mask(String value) {
            return redact(value, null);
        }
    };

    static final String HIDDEN = "•••";

    private static final Pattern EMAILS =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    // a run of at least seven digits, possibly spaced or punctuated as people write phone numbers
    private static final Pattern PHONES = Pattern.compile("\\+?\\(?\\d[\\d\\s().\\-/]{5,}\\d");

    abstract String mask(String value);

    Object maskValue(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(this::maskValue).toList();
        }
        return value instanceof String text && !text.isEmpty() ? mask(text) : value;
    }

    /** Free text with contact details and, when known, each part of the person's name replaced. */
    static String redact(String text, @Nullable String personName) {
        String redacted = EMAILS.matcher(text).replaceAll("[e-mail]");
        redacted = PHONES.matcher(redacted).replaceAll(match -> {
            long digits = match.group().chars().filter(Character::isDigit).count();
            return digits >= 7 ? "[phone]" : Matcher.quoteReplacement(match.group());
        });
        if (personName != null) {
            for (String part : personName.strip().split("[\\s,]+")) {
                if (part.length() >= 2) {
                    redacted = Pattern.compile(
                                    "(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])",
                                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                            .matcher(redacted)
                            .replaceAll("[name]");
                }
            }
        }
        return redacted;
    }
}
