package org.crmgraph.importer.identity;

import java.time.LocalDate;
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
        String givenName,
        String familyName,
        String street,
        String postcode,
        String region,
        LocalDate birthDate,
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
                name(row),
                row.text(Field.COUNTRY),
                row.text(Field.CITY),
                row.text(Field.GIVEN_NAME),
                row.text(Field.FAMILY_NAME),
                row.text(Field.STREET),
                row.text(Field.POSTCODE),
                row.text(Field.REGION),
                (LocalDate) row.get(Field.BIRTH_DATE),
                observedAt,
                row.line());
    }

    /** The full name as written, else given and family name joined. */
    private static String name(CleanRow row) {
        String name = row.text(Field.NAME);
        if (name != null) {
            return name;
        }
        String given = row.text(Field.GIVEN_NAME);
        String family = row.text(Field.FAMILY_NAME);
        return given == null ? family : family == null ? given : given + " " + family;
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
                pick(newer.givenName, older.givenName),
                pick(newer.familyName, older.familyName),
                pick(newer.street, older.street),
                pick(newer.postcode, older.postcode),
                pick(newer.region, older.region),
                newer.birthDate != null ? newer.birthDate : older.birthDate,
                newer.observedAt,
                Math.min(line, other.line));
    }

    /** Identifies the values (not when they were seen): equal hashes mean nothing new to write. */
    int valuesHash() {
        return java.util.Objects.hash(
                email, phone, name, country, city, givenName, familyName, street, postcode, region, birthDate);
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
        map.put("givenName", givenName);
        map.put("familyName", familyName);
        map.put("street", street);
        map.put("postcode", postcode);
        map.put("region", region);
        map.put("birthDate", birthDate);
        map.put("observedAt", observedAt);
        map.put("line", line);
        map.put("customerId", customerId);
        return map;
    }

    private static String pick(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
