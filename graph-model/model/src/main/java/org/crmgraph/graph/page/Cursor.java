package org.crmgraph.graph.page;

import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;

/**
 * Position after an item in a sorted list: the item's sort key and its id (the tie-breaker).
 * Keyset cursors stay correct while items are inserted or deleted before them and cost the same
 * on page 1 and page 1000, unlike offsets. The encoding is sealed ({@link CursorSeal}): a client reads nothing in
 * it (the sort key may be personal data) and cannot edit or forge one. It names the ordering it belongs to, so a
 * cursor reused with another {@code orderBy} is rejected.
 */
public record Cursor(String ordering, Object key, String id) {

    private static final String VERSION = "k2";

    public String encode(CursorSeal seal) {
        if (key instanceof java.util.List<?> keys) {
            // several sort keys: each as <type><length>:<text>, so any text (newlines too) survives
            StringBuilder packed = new StringBuilder();
            for (Object one : keys) {
                String text = one.toString();
                packed.append(type(one)).append(text.length()).append(':').append(text);
            }
            return seal.seal(String.join("\n", VERSION, ordering, "m", id, packed));
        }
        return seal.seal(String.join("\n", VERSION, ordering, type(key), id, key.toString()));
    }

    private static String type(Object key) {
        return switch (key) {
            case String s -> "s";
            case Long l -> "l";
            case Double d -> "d";
            case ZonedDateTime t -> "t";
            default -> throw new IllegalArgumentException("Unsupported sort key type " + key.getClass());
        };
    }

    private static Object parse(String type, String text) {
        return switch (type) {
            case "s" -> text;
            case "l" -> Long.parseLong(text);
            case "d" -> Double.parseDouble(text);
            case "t" -> ZonedDateTime.parse(text);
            default -> throw invalid("has an unknown key type");
        };
    }

    private static java.util.List<Object> unpack(String packed) {
        java.util.List<Object> keys = new java.util.ArrayList<>();
        int at = 0;
        while (at < packed.length()) {
            String type = packed.substring(at, at + 1);
            int colon = packed.indexOf(':', at);
            if (colon < 0) {
                throw invalid("is damaged");
            }
            int length = Integer.parseInt(packed.substring(at + 1, colon));
            if (length < 0 || colon + 1 + length > packed.length()) {
                throw invalid("is damaged");
            }
            keys.add(parse(type, packed.substring(colon + 1, colon + 1 + length)));
            at = colon + 1 + length;
        }
        return java.util.List.copyOf(keys);
    }

    public static Cursor decode(String encoded, String expectedOrdering, CursorSeal seal) {
        if (encoded == null) {
            return null;
        }
        String opened = seal.open(encoded);
        if (opened == null) {
            throw invalid("is not a cursor returned by this API, or was changed");
        }
        String[] parts = opened.split("\n", 5);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw invalid("is not a cursor returned by this API");
        }
        if (!parts[1].equals(expectedOrdering)) {
            throw invalid(
                    "belongs to ordering " + parts[1] + ", not " + expectedOrdering + "; start again without 'after'");
        }
        try {
            Object key = parts[2].equals("m") ? unpack(parts[4]) : parse(parts[2], parts[4]);
            return new Cursor(parts[1], key, parts[3]);
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw invalid("is damaged");
        }
    }

    private static InvalidArgumentException invalid(String why) {
        return new InvalidArgumentException(ErrorCode.INVALID_CURSOR, "after", "The 'after' cursor " + why + ".");
    }
}
