package org.crmgraph.importer.identity;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.mapping.Field;

/**
 * Who a row is about, as that source describes them.
 *
 * @param key        the provenance key: {@code source:id:<id>}, else {@code source:email:<email>}, else
 *                   {@code source:phone:<phone>}; one {@code SourceRecord} per key
 * @param observedAt when the source saw these values (the row's own date, else the file's time): the most
 *                   recent non-empty value of each field wins
 */
public record Person(
        String key,
        String source,
        String externalId,
        String email,
        String phone,
        String name,
        String country,
        String city,
        OffsetDateTime observedAt,
        long line) {

    /** The person a row names, or {@code null} if it names nobody (e.g. a guest checkout). */
    public static Person of(String source, CleanRow row, OffsetDateTime observedAt) {
        String id = row.text(Field.CUSTOMER_ID);
        String email = row.text(Field.EMAIL);
        String phone = row.text(Field.PHONE);
        String key = id != null
                ? source + ":id:" + id
                : email != null ? source + ":email:" + email : phone != null ? source + ":phone:" + phone : null;
        if (key == null) {
            return null;
        }
        return new Person(
                key,
                source,
                id,
                email,
                phone,
                row.text(Field.NAME),
                row.text(Field.COUNTRY),
                row.text(Field.CITY),
                observedAt,
                row.line());
    }

    /** Both descriptions of one source record combined: per field, the newer non-empty value. */
    Person combine(Person other) {
        Person newer = other.observedAt.isAfter(observedAt) ? other : this;
        Person older = newer == this ? other : this;
        return new Person(
                key,
                source,
                externalId,
                pick(newer.email, older.email),
                pick(newer.phone, older.phone),
                pick(newer.name, older.name),
                pick(newer.country, older.country),
                pick(newer.city, older.city),
                newer.observedAt,
                Math.min(line, other.line));
    }

    /** Identifies the values (not when they were seen): equal hashes mean nothing new to write. */
    int valuesHash() {
        return java.util.Objects.hash(email, phone, name, country, city);
    }

    Map<String, Object> parameters(String customerId) {
        Map<String, Object> map = new HashMap<>();
        map.put("key", key);
        map.put("source", source);
        map.put("externalId", externalId);
        map.put("email", email);
        map.put("phone", phone);
        map.put("name", name);
        map.put("country", country);
        map.put("city", city);
        map.put("observedAt", observedAt);
        map.put("line", line);
        map.put("customerId", customerId);
        return map;
    }

    private static String pick(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
