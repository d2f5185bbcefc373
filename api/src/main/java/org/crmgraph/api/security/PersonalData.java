package org.crmgraph.api.security;

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
    };

    static final String HIDDEN = "•••";

    abstract String mask(String value);

    Object maskValue(Object value) {
        return value instanceof String text && !text.isEmpty() ? mask(text) : value;
    }
}
