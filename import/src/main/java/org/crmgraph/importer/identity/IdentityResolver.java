package org.crmgraph.importer.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.codec.digest.DigestUtils;
import org.crmgraph.importer.identity.matching.Comparison;
import org.crmgraph.importer.mapping.MatchRule;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;

/**
 * Turns the people of a batch into customers, inside the batch's transaction.
 *
 * <ol>
 *   <li>People with the same provenance key are one source record (newest non-empty value per field).</li>
 *   <li>Within the batch, records sharing an e-mail or phone (when those rules are on) are one person.</li>
 *   <li>Each person is looked up in the graph: first by a source record already resolved (the same id in
 *       the same source, which is what makes a re-import idempotent), then by the mapping's rules in order.</li>
 *   <li>Nobody found: a new customer, with an id derived from the provenance key (so a re-run after a
 *       crash creates the same id).</li>
 *   <li>Source records are merged and linked {@code (:SourceRecord)-[:RESOLVED_TO]->(:Customer)}; then each
 *       touched customer takes, per field, the value of its most recently observed source record that
 *       has one. An e-mail another customer already has is not copied (e-mails are unique).</li>
 *   <li>With probabilistic matching on, the records go into their blocks ({@link MatchBlocks}); the
 *       comparison itself runs once the whole import is in ({@link DuplicateResolution}).</li>
 * </ol>
 * An e-mail or phone shared with a customer of a conflicting name (both given and family name different) is not
 * an exact match: people share {@code info@} addresses and switchboards.
 */
public final class IdentityResolver {

    private static final String LOOKUP = """
            UNWIND $people AS p
            CALL (p) { OPTIONAL MATCH (:SourceRecord {key: p.key})-[:RESOLVED_TO]->(c:Customer) RETURN c.id AS bySource LIMIT 1 }
            CALL (p) { OPTIONAL MATCH (c:Customer {email: p.email}) RETURN c.id AS byEmail, c.name AS emailName LIMIT 1 }
            CALL (p) { OPTIONAL MATCH (c:Customer {phone: p.phone}) RETURN c.id AS byPhone, c.name AS phoneName LIMIT 1 }
            RETURN p.key AS key, bySource, byEmail, emailName, byPhone, phoneName
            """;
    private static final String LINK = """
            UNWIND $people AS p
            MERGE (c:Customer {id: p.customerId})
              ON CREATE SET c.createdAt = datetime(), c.updatedAt = datetime()
            MERGE (sr:SourceRecord {key: p.key})
              ON CREATE SET sr.source = p.source, sr.externalId = p.externalId, sr.file = $file, sr.line = p.line,
                            sr.createdAt = datetime(), sr.originId = p.customerId
            WITH c, sr, p, sr.observedAt IS NULL OR p.observedAt >= sr.observedAt AS newer
            SET sr.observedAt = CASE WHEN newer THEN p.observedAt ELSE sr.observedAt END,
                sr.email = CASE WHEN newer THEN coalesce(p.email, sr.email) ELSE coalesce(sr.email, p.email) END,
                sr.phone = CASE WHEN newer THEN coalesce(p.phone, sr.phone) ELSE coalesce(sr.phone, p.phone) END,
                sr.name = CASE WHEN newer THEN coalesce(p.name, sr.name) ELSE coalesce(sr.name, p.name) END,
                sr.country = CASE WHEN newer THEN coalesce(p.country, sr.country) ELSE coalesce(sr.country, p.country) END,
                sr.city = CASE WHEN newer THEN coalesce(p.city, sr.city) ELSE coalesce(sr.city, p.city) END,
                sr.givenName = CASE WHEN newer THEN coalesce(p.givenName, sr.givenName) ELSE coalesce(sr.givenName, p.givenName) END,
                sr.familyName = CASE WHEN newer THEN coalesce(p.familyName, sr.familyName) ELSE coalesce(sr.familyName, p.familyName) END,
                sr.street = CASE WHEN newer THEN coalesce(p.street, sr.street) ELSE coalesce(sr.street, p.street) END,
                sr.postcode = CASE WHEN newer THEN coalesce(p.postcode, sr.postcode) ELSE coalesce(sr.postcode, p.postcode) END,
                sr.region = CASE WHEN newer THEN coalesce(p.region, sr.region) ELSE coalesce(sr.region, p.region) END,
                sr.birthDate = CASE WHEN newer THEN coalesce(p.birthDate, sr.birthDate) ELSE coalesce(sr.birthDate, p.birthDate) END
            MERGE (sr)-[:RESOLVED_TO]->(c)
            """;
    /** Survivorship: per field, the most recently observed non-empty value among the customer's source records. */
    public static final String SURVIVORSHIP = """
            UNWIND $ids AS id
            MATCH (c:Customer {id: id})
            CALL (c) {
              MATCH (c)<-[:RESOLVED_TO]-(sr:SourceRecord)
              WITH sr ORDER BY sr.observedAt DESC
              RETURN collect(sr.name)[0] AS name, collect(sr.email)[0] AS email, collect(sr.phone)[0] AS phone,
                     collect(sr.country)[0] AS country, collect(sr.city)[0] AS city,
                     {givenName: collect(sr.givenName)[0], familyName: collect(sr.familyName)[0],
                      street: collect(sr.street)[0], postcode: collect(sr.postcode)[0], region: collect(sr.region)[0],
                      birthDate: collect(sr.birthDate)[0]} AS address
            }
            WITH c, name, email, phone, country, city, address,
                 c{.name, .email, .phone, .country, .city, .givenName, .familyName, .street, .postcode, .region,
                   .birthDate} AS before
            SET c.name = coalesce(name, c.name), c.phone = coalesce(phone, c.phone),
                c.country = coalesce(country, c.country), c.city = coalesce(city, c.city),
                c.givenName = coalesce(address.givenName, c.givenName),
                c.familyName = coalesce(address.familyName, c.familyName),
                c.street = coalesce(address.street, c.street), c.postcode = coalesce(address.postcode, c.postcode),
                c.region = coalesce(address.region, c.region), c.birthDate = coalesce(address.birthDate, c.birthDate)
            WITH c, email, before
            CALL (c, email) {
              WITH c, email
              WHERE email IS NOT NULL AND coalesce(c.email, '') <> email
                AND NOT EXISTS { MATCH (other:Customer {email: email}) WHERE other <> c }
              SET c.email = email
            }
            WITH c, before
            WHERE before <> c{.name, .email, .phone, .country, .city, .givenName, .familyName, .street, .postcode,
                              .region, .birthDate}
            SET c.updatedAt = datetime()
            """;

    private final List<MatchRule> rules;
    /** provenance key -> hash of the values this import last wrote for it; bounded by the number of people */
    private final Map<String, Integer> written = new HashMap<>();

    private final boolean indexBlocks;

    public IdentityResolver(List<MatchRule> rules) {
        this(rules, false);
    }

    /**
     * @param indexBlocks also place the batch's source records in their matching blocks, in the batch's transaction
     *                    (probabilistic matching is on), so what a batch writes is findable as soon as it commits
     */
    public IdentityResolver(List<MatchRule> rules, boolean indexBlocks) {
        this.rules = rules;
        this.indexBlocks = indexBlocks;
    }

    /**
     * Resolves and links the people of a batch. People this import already wrote with the same values are
     * skipped: their source record is linked, and only a change of value needs writing.
     */
    public Resolution resolve(SimpleQueryRunner tx, Collection<Person> people, String file) {
        Map<String, Person> records = new LinkedHashMap<>();
        for (Person person : people) {
            records.merge(person.key(), person, Person::combine);
        }
        records.values().removeIf(person -> Integer.valueOf(person.valuesHash()).equals(written.get(person.key())));
        if (records.isEmpty()) {
            return Resolution.NOTHING;
        }
        List<List<Person>> groups = group(rules, records.values());
        Map<String, Record> found = lookup(tx, records.values());

        Map<String, Integer> valueHashes = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> touched = new TreeSet<>();
        int created = 0;
        int matched = 0;
        for (List<Person> group : groups) {
            String customerId = existingCustomer(group, found);
            boolean firstTime = group.stream().noneMatch(person -> written.containsKey(person.key()));
            if (customerId == null) {
                customerId = newCustomerId(group.getFirst().key());
                created++;
            } else if (firstTime) {
                matched++;
            }
            for (Person person : group) {
                valueHashes.put(person.key(), person.valuesHash());
                rows.add(person.parameters(customerId));
            }
            touched.add(customerId);
        }
        tx.run(LINK, Map.of("people", rows, "file", file)).consume();
        tx.run(SURVIVORSHIP, Map.of("ids", List.copyOf(touched))).consume();
        if (indexBlocks) {
            MatchBlocks.index(tx, MatchBlocks.records(tx, valueHashes.keySet()).values());
        }
        return new Resolution(created, matched, valueHashes);
    }

    /** After the batch committed: its people are written, with these values. */
    public void committed(Resolution resolution) {
        written.putAll(resolution.written());
    }

    private Map<String, Record> lookup(SimpleQueryRunner tx, Collection<Person> people) {
        boolean byEmail = rules.contains(MatchRule.EMAIL);
        boolean byPhone = rules.contains(MatchRule.PHONE);
        List<Map<String, Object>> keys = new ArrayList<>();
        for (Person person : people) {
            Map<String, Object> key = new HashMap<>();
            key.put("key", person.key());
            key.put("email", byEmail ? person.email() : null);
            key.put("phone", byPhone ? person.phone() : null);
            keys.add(key);
        }
        Map<String, Record> found = new HashMap<>();
        tx.run(LOOKUP, Map.of("people", keys))
                .forEachRemaining(r -> found.put(r.get("key").asString(), r));
        return found;
    }

    private String existingCustomer(List<Person> group, Map<String, Record> found) {
        for (Person person : group) {
            Record r = found.get(person.key());
            if (!r.get("bySource").isNull()) {
                return r.get("bySource").asString();
            }
        }
        for (MatchRule rule : rules) {
            String column = switch (rule) {
                case EXTERNAL_ID -> null;
                case EMAIL -> "byEmail";
                case PHONE -> "byPhone";
            };
            if (column == null) {
                continue;
            }
            for (Person person : group) {
                Record r = found.get(person.key());
                // an identifier shared by people with other names (info@, a switchboard) says nothing about who it is
                String holder = r.get(column.equals("byEmail") ? "emailName" : "phoneName")
                        .asString(null);
                if (!r.get(column).isNull() && !Comparison.namesConflict(person.name(), holder)) {
                    return r.get(column).asString();
                }
            }
        }
        return null;
    }

    /**
     * Union-find over shared e-mails and phones (as far as {@code rules} match on them), so one person never becomes
     * two customers in one batch (or, for a first load, in one file). Groups and their members keep the order of
     * {@code records}.
     */
    static List<List<Person>> group(List<MatchRule> rules, Collection<Person> records) {
        List<Person> list = List.copyOf(records);
        int[] parent = new int[list.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWith = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Person person = list.get(i);
            int index = i;
            if (rules.contains(MatchRule.EMAIL) && person.email() != null) {
                int first = firstWith.computeIfAbsent("e:" + person.email(), k -> index);
                if (!Comparison.namesConflict(person.name(), list.get(first).name())) {
                    union(parent, i, first);
                }
            }
            if (rules.contains(MatchRule.PHONE) && person.phone() != null) {
                int first = firstWith.computeIfAbsent("p:" + person.phone(), k -> index);
                if (!Comparison.namesConflict(person.name(), list.get(first).name())) {
                    union(parent, i, first);
                }
            }
        }
        Map<Integer, List<Person>> groups = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(list.get(i));
        }
        return List.copyOf(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    /** {@code cus-} and 16 hex digits of the SHA-256 of the provenance key. */
    public static String newCustomerId(String key) {
        return "cus-" + DigestUtils.sha256Hex(key).substring(0, 16);
    }
}
