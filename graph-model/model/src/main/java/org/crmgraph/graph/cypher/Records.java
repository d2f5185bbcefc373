package org.crmgraph.graph.cypher;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.neo4j.driver.Value;

/** Null-tolerant conversions from driver values; a missing property reads as {@code null}. */
public final class Records {

    private Records() {}

    public static String string(Value value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    public static Double decimal(Value value) {
        return value == null || value.isNull() ? null : value.asDouble();
    }

    public static OffsetDateTime dateTime(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        ZonedDateTime zoned = value.asZonedDateTime();
        return zoned.toOffsetDateTime();
    }

    public static List<String> strings(Value value) {
        return value == null || value.isNull() ? List.of() : value.asList(Value::asString);
    }
}
