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
        String type = switch (key) {
            case String s -> "s";
            case Long l -> "l";
            case Double d -> "d";
            case ZonedDateTime t -> "t";
            default -> throw new IllegalArgumentException("Unsupported sort key type " + key.getClass());
        };
        return seal.seal(String.join("\n", VERSION, ordering, type, id, key.toString()));
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
            Object key = switch (parts[2]) {
                case "s" -> parts[4];
                case "l" -> Long.parseLong(parts[4]);
                case "d" -> Double.parseDouble(parts[4]);
                case "t" -> ZonedDateTime.parse(parts[4]);
                default -> throw invalid("has an unknown key type");
            };
            return new Cursor(parts[1], key, parts[3]);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid("is damaged");
        }
    }

    private static InvalidArgumentException invalid(String why) {
        return new InvalidArgumentException(ErrorCode.INVALID_CURSOR, "after", "The 'after' cursor " + why + ".");
    }
}
