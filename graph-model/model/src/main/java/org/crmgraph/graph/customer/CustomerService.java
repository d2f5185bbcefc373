package org.crmgraph.graph.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.crmgraph.graph.cypher.ConstraintViolations;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.CustomerCreated;
import org.crmgraph.graph.event.CustomerUpdated;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.page.KeysetQuery;
import org.crmgraph.graph.page.Page;
import org.crmgraph.graph.page.PageRequest;
import org.crmgraph.graph.page.SortOrder;
import org.crmgraph.graph.privacy.CustomerPrivacy;
import org.crmgraph.graph.privacy.Tombstones;
import org.crmgraph.graph.validation.Checks;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;
import org.neo4j.driver.SimpleQueryRunner;
import org.springframework.stereotype.Service;

@Service
public class CustomerService {

    private static final String ERASED_IDENTIFIERS = """
            RETURN [h IN $hashes WHERE EXISTS { MATCH (:ErasedIdentity {hash: h}) }] AS erased
            """;
    private static final String ERASED_CUSTOMER = """
            MATCH (c:Customer {id: $id}) RETURN coalesce(c.erased, false) AS erased
            """;

    // A customer created through the API gets a source record of source 'api' holding what the API wrote: identity
    // resolution compares it with other records like any source's, and survivorship weighs its values by when they
    // were written (an update moves it on).
    private static final String API_RECORD = """
            MATCH (c:Customer {id: $id})
            CREATE (sr:SourceRecord {key: 'api:id:' + $id, source: 'api', externalId: $id, originId: $id,
                                     createdAt: datetime(), observedAt: datetime()})-[:RESOLVED_TO]->(c)
            SET sr += $values
            REMOVE sr.id
            """;
    private static final String API_RECORD_CHANGED = """
            MATCH (sr:SourceRecord {key: 'api:id:' + $id})
            SET sr += $changes, sr.observedAt = datetime()
            """;

    private final CustomerRepository customers;
    private final Tombstones tombstones;
    private final CustomerPrivacy privacy;
    private final CypherRunner cypher;
    private final Outbox outbox;
    private final DomainEvents events;

    CustomerService(
            CustomerRepository customers,
            Tombstones tombstones,
            CustomerPrivacy privacy,
            CypherRunner cypher,
            Outbox outbox,
            DomainEvents events) {
        this.customers = customers;
        this.tombstones = tombstones;
        this.privacy = privacy;
        this.cypher = cypher;
        this.outbox = outbox;
        this.events = events;
    }

    /** Refusals found inside the write's own transaction; it is rolled back with nothing written. */
    private static final class Refused extends RuntimeException {
        private final List<FieldError> errors;

        Refused(List<FieldError> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }

    public Optional<Customer> find(String id) {
        return Optional.ofNullable(customers.findByIds(java.util.List.of(id)).get(id));
    }

    public Map<String, Customer> findAll(Collection<String> ids) {
        return customers.findByIds(ids);
    }

    /** The customer a source system's record with this id was resolved to, if any. */
    public Optional<Customer> bySourceId(String source, String externalId) {
        if (source == null || source.isBlank() || externalId == null || externalId.isBlank()) {
            return Optional.empty();
        }
        return customers.bySourceId(source.strip(), externalId.strip());
    }

    /** The source records resolved to each customer, by source and id, at most {@code limit} each. */
    public Map<String, List<SourceRecordRef>> sourceRecords(Collection<String> customerIds, int limit) {
        return customers.sourceRecords(customerIds, limit);
    }

    /** Customers in groups (see {@code CustomerRepository.groups}); at most {@code limit} groups. */
    public List<org.crmgraph.graph.filter.Group> groups(
            CustomerFilter filter,
            Map<String, ?> where,
            List<CustomerGrouping> by,
            org.crmgraph.graph.filter.TimeBucket period,
            int limit) {
        return customers.groups(
                filter == null ? CustomerFilter.NONE : filter, where, by == null ? List.of() : by, period, limit);
    }

    /** A page of the list; {@code where} is the filter language of {@link org.crmgraph.graph.filter.Where}. */
    public Page<Customer> page(
            CustomerFilter filter, Map<String, ?> where, CustomerSort sort, boolean descending, PageRequest request) {
        return customers.page(
                filter == null ? CustomerFilter.NONE : filter,
                where,
                List.of(new SortOrder(sort.key(), descending)),
                request);
    }

    /** A page sorted by several keys, the first deciding first. */
    public Page<Customer> page(
            CustomerFilter filter, Map<String, ?> where, List<SortOrder> sorting, PageRequest request) {
        return customers.page(filter == null ? CustomerFilter.NONE : filter, where, sorting, request);
    }

    /** The conditions of a customer list on {@code c}, for a list query of another module's own (with nested lists). */
    public KeysetQuery.Conditions listConditions(CustomerFilter filter, Map<String, ?> where) {
        return CustomerRepository.conditions(filter == null ? CustomerFilter.NONE : filter, where);
    }

    /** What an upsert did. */
    public record Upserted(Customer customer, boolean created) {}

    /**
     * Updates the customer {@code match} finds with the fields given, or creates one (linked to the source record
     * when matched by source id, so imports of that source find them too). A retry of the same upsert finds what the
     * first one created. Errors name {@code input.*} fields, or {@code match.*} when the match itself is incomplete.
     */
    public Outcome<Upserted> upsert(CustomerMatch match, CustomerInput input) {
        Checks checks = new Checks();
        if (match == null || match.by() == null) {
            return Outcome.failure(
                    "match.by", ErrorCode.REQUIRED, "Say how to find the customer: EMAIL, PHONE or SOURCE_ID.");
        }
        String key = switch (match.by()) {
            case EMAIL -> checks.email("input.email", input.email(), true);
            case PHONE -> {
                String phone = checks.phone("input.phone", input.phone());
                if (phone == null && input.phone() == null) {
                    checks.add("input.phone", ErrorCode.REQUIRED, "Matching by phone needs input.phone.");
                }
                yield phone;
            }
            case SOURCE_ID -> {
                String source = checks.code("match.source", match.source(), 100, true);
                String externalId = checks.text("match.externalId", match.externalId(), 200, true);
                yield source == null || externalId == null ? null : source;
            }
        };
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        for (int attempt = 0; ; attempt++) {
            Optional<String> existing = switch (match.by()) {
                case EMAIL -> customers.idOfEmail(key);
                case PHONE -> {
                    List<String> owners = customers.idsOfPhone(key);
                    if (owners.size() > 1) {
                        yield Optional.of("");
                    }
                    yield owners.stream().findFirst();
                }
                case SOURCE_ID ->
                    customers
                            .bySourceId(
                                    match.source().strip(), match.externalId().strip())
                            .map(Customer::id);
            };
            if (existing.isPresent() && existing.get().isEmpty()) {
                return Outcome.failure(
                        "input.phone",
                        ErrorCode.INVALID_STATE,
                        "Several customers have phone " + key + "; match by e-mail or source id instead.");
            }
            if (existing.isPresent()) {
                return prefixed(update(existing.get(), input).map(c -> new Upserted(c, false)));
            }
            try {
                return prefixed(createLinked(input, match).map(c -> new Upserted(c, true)));
            } catch (RuntimeException e) {
                // a concurrent upsert created it first: the next round finds and updates it
                if (attempt == 0 && ConstraintViolations.isUniquenessViolation(e)) {
                    continue;
                }
                throw e;
            }
        }
    }

    private Outcome<Customer> createLinked(CustomerInput input, CustomerMatch match) {
        if (match.by() != CustomerMatch.By.SOURCE_ID) {
            return create(input);
        }
        Checks checks = new Checks();
        Map<String, Object> properties = properties(input, checks, true);
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        properties.put("id", UUID.randomUUID().toString());
        Customer created = cypher.inWrite(tx -> {
            refuseErasedIdentifiers(tx, properties);
            Customer customer = Customer.from(tx.run(CustomerRepository.CREATE, Map.of("properties", properties))
                    .single()
                    .get("c"));
            CustomerRepository.linkSource(
                    tx,
                    customer.id(),
                    match.source().strip(),
                    match.externalId().strip());
            outbox.record(tx, new CustomerCreated(customer.id(), events.now()));
            return customer;
        });
        return Outcome.success(created);
    }

    /** Errors of the input's fields name them inside {@code input}, as the upsert's arguments nest them. */
    private static <T> Outcome<T> prefixed(Outcome<T> outcome) {
        if (outcome.errors().isEmpty()) {
            return outcome;
        }
        return Outcome.failure(outcome.errors().stream()
                .map(e -> switch (e.field().isEmpty() ? "" : e.field().getFirst()) {
                    case "", "input", "match" -> e;
                    // the customer the match found (erased, or deleted meanwhile)
                    case "id" -> FieldError.of("match", e.code(), e.message());
                    default -> FieldError.of("input." + String.join(".", e.field()), e.code(), e.message());
                })
                .toList());
    }

    public Outcome<Customer> create(CustomerInput input) {
        Checks checks = new Checks();
        Map<String, Object> properties = properties(input, checks, true);
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        properties.put("id", UUID.randomUUID().toString());
        return saving(
                properties,
                () -> cypher.inWrite(tx -> {
                    refuseErasedIdentifiers(tx, properties);
                    Customer created = customers.create(properties);
                    tx.run(API_RECORD, Map.of("id", created.id(), "values", properties))
                            .consume();
                    outbox.record(tx, new CustomerCreated(created.id(), events.now()));
                    return created;
                }));
    }

    public Outcome<Customer> update(String id, CustomerInput input) {
        Checks checks = new Checks();
        Map<String, Object> changes = properties(input, checks, false);
        if (!checks.ok()) {
            return Outcome.failure(checks.errors());
        }
        return saving(
                changes,
                () -> cypher.inWrite(tx -> {
                    refuseErasedIdentifiers(tx, changes);
                    Customer updated = customers.update(id, changes).orElse(null);
                    if (updated != null) {
                        tx.run(API_RECORD_CHANGED, Map.of("id", id, "changes", changes))
                                .consume();
                        outbox.record(tx, new CustomerUpdated(id, List.copyOf(changes.keySet()), events.now()));
                    }
                    // the update leaves an erased customer alone; only then is it worth asking which case it was
                    if (updated == null
                            && tx.run(ERASED_CUSTOMER, Map.of("id", id)).list().stream()
                                    .anyMatch(r -> r.get("erased").asBoolean())) {
                        throw new Refused(List.of(FieldError.of(
                                "id",
                                ErrorCode.ERASED,
                                "Customer " + id + " was erased; no personal data is written to it.")));
                    }
                    return updated;
                }));
    }

    /**
     * Erases the person first (tombstones, their free text, source records and questions: {@link CustomerPrivacy}),
     * then deletes the customer with its orders, tickets and interactions, so a deletion leaves nothing behind that
     * an erasure would have removed, and an import cannot bring them back either.
     */
    public Outcome<String> delete(String id) {
        privacy.erase(id);
        return customers.delete(id)
                ? Outcome.success(id)
                : Outcome.failure("id", ErrorCode.NOT_FOUND, "No customer has id '" + id + "'.");
    }

    /**
     * An erased person stays erased: no write may give anyone an e-mail address or phone number an erased person had.
     * Checked in the write's own transaction, and only when the write sets one of them.
     */
    private void refuseErasedIdentifiers(SimpleQueryRunner tx, Map<String, Object> properties) {
        String email = tombstones.hash(Tombstones.Kind.EMAIL, (String) properties.get("email"));
        String phone = tombstones.hash(Tombstones.Kind.PHONE, (String) properties.get("phone"));
        List<String> hashes = new ArrayList<>();
        if (email != null) {
            hashes.add(email);
        }
        if (phone != null) {
            hashes.add(phone);
        }
        if (hashes.isEmpty()) {
            return;
        }
        List<Object> erased = tx.run(ERASED_IDENTIFIERS, Map.of("hashes", hashes))
                .single()
                .get("erased")
                .asList();
        Checks checks = new Checks();
        if (email != null && erased.contains(email)) {
            checks.add("email", ErrorCode.ERASED, "This e-mail address belonged to a person who was erased.");
        }
        if (phone != null && erased.contains(phone)) {
            checks.add("phone", ErrorCode.ERASED, "This phone number belonged to a person who was erased.");
        }
        if (!checks.ok()) {
            throw new Refused(checks.errors());
        }
    }

    private Outcome<Customer> saving(Map<String, Object> properties, java.util.function.Supplier<Customer> save) {
        try {
            Customer saved = save.get();
            return saved == null
                    ? Outcome.failure("id", ErrorCode.NOT_FOUND, "No such customer.")
                    : Outcome.success(saved);
        } catch (Refused refused) {
            return Outcome.failure(refused.errors);
        } catch (RuntimeException e) {
            if (ConstraintViolations.isUniquenessViolation(e) && properties.get("email") != null) {
                String owner =
                        customers.idOfEmail((String) properties.get("email")).orElse("another customer");
                return Outcome.failure(
                        "email",
                        ErrorCode.DUPLICATE_EMAIL,
                        "E-mail " + properties.get("email") + " already belongs to customer " + owner + ".");
            }
            throw e;
        }
    }

    private static Map<String, Object> properties(CustomerInput input, Checks checks, boolean creating) {
        Map<String, Object> properties = new HashMap<>();
        putIfPresent(properties, "name", checks.text("name", input.name(), 200, creating));
        putIfPresent(properties, "email", checks.email("email", input.email(), false));
        putIfPresent(properties, "phone", checks.phone("phone", input.phone()));
        putIfPresent(properties, "country", checks.country("country", input.country()));
        putIfPresent(properties, "city", checks.text("city", input.city(), 100, false));
        putIfPresent(properties, "givenName", checks.text("givenName", input.givenName(), 100, false));
        putIfPresent(properties, "familyName", checks.text("familyName", input.familyName(), 100, false));
        putIfPresent(properties, "street", checks.text("street", input.street(), 200, false));
        putIfPresent(properties, "postcode", checks.text("postcode", input.postcode(), 20, false));
        putIfPresent(properties, "region", checks.text("region", input.region(), 100, false));
        putIfPresent(properties, "birthDate", birthDate(checks, input.birthDate()));
        for (String field : input.cleared() == null ? java.util.Set.<String>of() : input.cleared()) {
            if (field.equals("name")) {
                checks.add("name", ErrorCode.REQUIRED, "A customer's name cannot be removed.");
            } else if (!properties.containsKey(field)) {
                // A null value in SET c += $changes removes the property.
                properties.put(field, null);
            }
        }
        return properties;
    }

    /** An ISO date, not in the future and not before 1900; {@code null} when blank. */
    private static java.time.LocalDate birthDate(Checks checks, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(value.strip());
            if (date.isAfter(java.time.LocalDate.now(java.time.ZoneOffset.UTC)) || date.getYear() < 1900) {
                checks.add(
                        "birthDate", ErrorCode.OUT_OF_RANGE, "birthDate " + date + " is in the future or before 1900.");
                return null;
            }
            return date;
        } catch (java.time.format.DateTimeParseException e) {
            checks.add(
                    "birthDate",
                    ErrorCode.INVALID_FORMAT,
                    "birthDate '" + value + "' is not a date in ISO-8601 (yyyy-MM-dd, e.g. 1956-04-09).");
            return null;
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
