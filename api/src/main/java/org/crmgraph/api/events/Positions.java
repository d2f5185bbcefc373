package org.crmgraph.api.events;

import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;

/** The {@code after} argument of subscriptions: a position the client was given, or none. */
final class Positions {

    private Positions() {}

    /** @throws InvalidArgumentException INVALID_FORMAT naming {@code after} for anything but a position */
    static Long parse(String after) {
        if (after == null) {
            return null;
        }
        try {
            long position = Long.parseLong(after.strip());
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(
                    ErrorCode.INVALID_FORMAT,
                    "after",
                    "'after' is the `position` of an event a subscription delivered, was '" + after + "'.");
        }
    }
}
