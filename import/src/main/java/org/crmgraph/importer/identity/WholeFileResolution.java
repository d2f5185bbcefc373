package org.crmgraph.importer.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.importer.mapping.MatchRule;

/**
 * Identity resolution of a whole file at once, for a first load into an empty graph (the offline importer): the rules
 * of {@link IdentityResolver} applied to every record of the file together rather than batch by batch against what is
 * already written. Records with one provenance key are one source record; records sharing an e-mail or phone (when
 * the mapping matches on them, and their names do not conflict) are one customer, whose id derives from its first
 * record's key; each customer takes, per field, its most recently observed non-empty value; an e-mail an earlier
 * customer already has is not copied. Same rules, so the same customers, except where the online import's batches
 * see a customer's surviving e-mail or phone change between them.
 */
public final class WholeFileResolution {

    /** A customer as the load writes it: its id and its surviving values (no empty ones). */
    public record Customer(String id, Map<String, Object> values) {}

    /** A source record as the load writes it, with the id of the customer it resolves to. */
    public record Record(String key, String customerId, Map<String, Object> values) {}

    /** Everything the file says about people. */
    public record Result(List<Customer> customers, List<Record> records) {}

    private static final List<String> SURVIVING = List.of(
            "name",
            "email",
            "phone",
            "country",
            "city",
            "givenName",
            "familyName",
            "street",
            "postcode",
            "region",
            "birthDate");

    private final List<MatchRule> rules;
    private final Map<String, Person> records = new LinkedHashMap<>();

    public WholeFileResolution(List<MatchRule> rules) {
        this.rules = rules;
    }

    /** A row's person ({@code null}: the row names nobody). */
    public void add(Person person) {
        if (person != null) {
            records.merge(person.key(), person, Person::combine);
        }
    }

    public Result resolve() {
        List<Customer> customers = new ArrayList<>();
        List<Record> written = new ArrayList<>(records.size());
        Set<Object> emails = new HashSet<>();
        for (List<Person> group : IdentityResolver.group(rules, records.values())) {
            String customerId = IdentityResolver.newCustomerId(group.getFirst().key());
            List<Map<String, Object>> newestFirst = group.stream()
                    .sorted(Comparator.comparing(Person::observedAt).reversed())
                    .map(person -> person.parameters(customerId))
                    .toList();
            Map<String, Object> values = new LinkedHashMap<>();
            for (String field : SURVIVING) {
                newestFirst.stream()
                        .map(properties -> properties.get(field))
                        .filter(v -> v != null)
                        .findFirst()
                        .ifPresent(v -> values.put(field, v));
            }
            // e-mails are unique among customers: the first customer to have one keeps it
            if (values.containsKey("email") && !emails.add(values.get("email"))) {
                values.remove("email");
            }
            customers.add(new Customer(customerId, values));
            for (Person person : group) {
                Map<String, Object> properties = person.parameters(customerId);
                properties.values().removeIf(v -> v == null);
                written.add(new Record(person.key(), customerId, properties));
            }
        }
        return new Result(customers, written);
    }
}
