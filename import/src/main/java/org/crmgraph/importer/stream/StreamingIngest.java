package org.crmgraph.importer.stream;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.event.DomainEvents;
import org.crmgraph.graph.event.InteractionRecorded;
import org.crmgraph.graph.event.OrderPlaced;
import org.crmgraph.graph.outbox.Outbox;
import org.crmgraph.graph.privacy.Tombstones;
import org.crmgraph.importer.ImportProperties;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.clean.ReportEntry;
import org.crmgraph.importer.clean.RowCleaner;
import org.crmgraph.importer.clean.RowResult;
import org.crmgraph.importer.identity.DuplicateResolution;
import org.crmgraph.importer.identity.ErasedPeople;
import org.crmgraph.importer.identity.IdentityResolver;
import org.crmgraph.importer.identity.Person;
import org.crmgraph.importer.mapping.Field;
import org.crmgraph.importer.mapping.ImportMapping;
import org.crmgraph.importer.mapping.MappingLoader;
import org.crmgraph.importer.read.JsonLinesRowSource;
import org.crmgraph.importer.read.MalformedFileException;
import org.crmgraph.importer.read.ReadLimits;
import org.crmgraph.importer.read.SourceRow;
import org.crmgraph.importer.write.EntityWriter;
import org.crmgraph.importer.write.InteractionsWriter;
import org.crmgraph.importer.write.OrderLinesWriter;
import org.crmgraph.importer.write.WriteContext;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Interactions and orders as they happen (a shop, a chat system), a few records at a time: each record is cleaned by
 * the same mapping a bulk import of JSON Lines uses ({@link IngestKind#mapping()}), and the accepted ones are resolved
 * to customers (exact rules, the same as the bulk import's) and written in one transaction with their change events
 * ({@code INTERACTION_RECORDED}, {@code ORDER_PLACED} for an order new to the graph). Every record gets an answer.
 *
 * <p>It does not wait for the bulk import's lease: a streaming client must not stall behind a long import. Both
 * resolve people by the same provenance keys (and new customers get ids derived from them), so the same person sent
 * by both at once still becomes one customer when the same key names them.
 */
@Service
public class StreamingIngest {

    /** A source name is part of provenance keys: short, and no separators. */
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private static final String KNOWN_ORDERS = """
            UNWIND $ids AS id
            MATCH (o:Order {id: id})
            RETURN collect(id) AS known
            """;
    private static final String CUSTOMERS_OF = """
            UNWIND $keys AS key
            MATCH (:SourceRecord {key: key})-[:RESOLVED_TO]->(c:Customer)
            RETURN key, c.id AS customerId
            """;

    private final CypherRunner cypher;
    private final DuplicateResolution duplicates;
    private final Tombstones tombstones;
    private final Outbox outbox;
    private final DomainEvents events;
    private final ReadLimits limits;
    private final int maxRecords;

    public StreamingIngest(
            CypherRunner cypher,
            Tombstones tombstones,
            Outbox outbox,
            DomainEvents events,
            ImportProperties properties,
            DuplicateResolution duplicates) {
        this.duplicates = duplicates;
        this.cypher = cypher;
        this.tombstones = tombstones;
        this.outbox = outbox;
        this.events = events;
        this.limits = properties.readLimits();
        this.maxRecords = properties.streamMaxRecords();
    }

    /** What is wrong with {@code source} as a source name, if anything (null is fine: the mapping's). */
    public Optional<String> sourceProblem(String source) {
        return source == null || SOURCE.matcher(source).matches()
                ? Optional.empty()
                : Optional.of("source must be 1 to 40 letters, digits, '-' or '_', starting with a letter or digit,"
                        + " e.g. 'shop' or 'chat-eu'.");
    }

    /** How many records one request may carry ({@code crm.import.stream-max-records}). */
    public int maxRecords() {
        return maxRecords;
    }

    /**
     * Cleans, resolves and writes {@code records} (one JSON object each, as JSON Lines hold them).
     *
     * @param source the sending system's name, for provenance (customer ids are per source); the mapping's when null
     * @throws IllegalArgumentException for more than {@link #maxRecords()} records or a bad source name: nothing is
     *                                  written
     */
    public IngestResult ingest(IngestKind kind, String source, List<String> records) {
        if (records.size() > maxRecords) {
            throw new IllegalArgumentException("A request may carry at most " + maxRecords + " records; it has "
                    + records.size() + " (crm.import.stream-max-records). Send them in several requests.");
        }
        sourceProblem(source).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        ImportMapping builtIn = MappingLoader.builtIn(kind.mapping());
        ImportMapping mapping = source == null ? builtIn : builtIn.withSource(source);
        IngestAnswer[] answers = new IngestAnswer[records.size()];
        List<CleanRow> rows = new ArrayList<>();
        List<Integer> indexOfRow = new ArrayList<>();
        List<List<IngestAnswer.Problem>> dropped = new ArrayList<>();
        var cleaner = new RowCleaner(mapping);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            long number = i + 1L;
            String record = records.get(i);
            if (record == null || record.isBlank()) {
                answers[i] = rejected(number, null, "an empty record: each record is one JSON object");
                continue;
            }
            if (record.length() > limits.maxRecordLength()) {
                answers[i] = rejected(
                        number,
                        null,
                        "longer than " + limits.maxRecordLength() + " characters (crm.import.max-record-length)");
                continue;
            }
            SourceRow row;
            try {
                row = JsonLinesRowSource.parse(number, record, limits);
            } catch (MalformedFileException e) {
                answers[i] = rejected(number, null, e.getMessage());
                continue;
            }
            if (!seen.add(row.fingerprint())) {
                answers[i] = new IngestAnswer(number, IngestAnswer.Status.DUPLICATE, null, null, List.of());
                continue;
            }
            RowResult result = cleaner.clean(row);
            List<IngestAnswer.Problem> problems = new ArrayList<>();
            for (ReportEntry entry : result.entries()) {
                problems.add(new IngestAnswer.Problem(entry.column(), entry.reason()));
            }
            if (result.rejected()) {
                answers[i] = new IngestAnswer(number, IngestAnswer.Status.REJECTED, null, null, problems);
                continue;
            }
            rows.add(result.row());
            indexOfRow.add(i);
            dropped.add(problems);
        }
        if (!rows.isEmpty()) {
            write(kind, mapping, rows, indexOfRow, dropped, answers);
        }
        return new IngestResult(List.of(answers));
    }

    private void write(
            IngestKind kind,
            ImportMapping mapping,
            List<CleanRow> rows,
            List<Integer> indexOfRow,
            List<List<IngestAnswer.Problem>> dropped,
            IngestAnswer[] answers) {
        OffsetDateTime now = events.now().atOffset(ZoneOffset.UTC);
        var context = new WriteContext(mapping.source(), "stream", now, null);
        List<Person> people = new ArrayList<>(rows.size());
        for (CleanRow row : rows) {
            people.add(Person.of(mapping.source(), row, observedAt(row, now)));
        }
        cypher.inWrite(tx -> {
            ErasedPeople erased = ErasedPeople.among(tx, tombstones, people);
            List<CleanRow> kept = new ArrayList<>();
            List<Person> keptPeople = new ArrayList<>();
            List<Integer> keptIndex = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                int i = indexOfRow.get(r);
                if (erased.contains(people.get(r))) {
                    answers[i] = new IngestAnswer(
                            i + 1L,
                            IngestAnswer.Status.ERASED,
                            null,
                            null,
                            List.of(new IngestAnswer.Problem(
                                    null,
                                    "the person this record is about was erased: nothing about them is written"
                                            + " again")));
                } else {
                    kept.add(rows.get(r));
                    keptPeople.add(people.get(r));
                    keptIndex.add(r);
                }
            }
            if (kept.isEmpty()) {
                return null;
            }
            new IdentityResolver(mapping.match(), duplicates.enabled())
                    .resolve(tx, keptPeople.stream().filter(p -> p != null).toList(), context.file());
            List<String> personKeys =
                    keptPeople.stream().map(p -> p == null ? null : p.key()).toList();
            List<String> ids =
                    kept.stream().map(row -> idOf(kind, row, mapping)).toList();
            Set<String> knownOrders = kind == IngestKind.ORDERS ? knownOrders(tx, ids) : Set.of();
            writer(kind, context).write(tx, kept, personKeys);
            // compared with their blocks as after a bulk import; the answers name whom each person is now
            duplicates.resolveIn(
                    tx, personKeys.stream().filter(k -> k != null).distinct().toList());
            Map<String, String> customers = customersOf(tx, personKeys);
            Set<String> announced = new LinkedHashSet<>();
            for (int k = 0; k < kept.size(); k++) {
                int r = keptIndex.get(k);
                int i = indexOfRow.get(r);
                String id = ids.get(k);
                String customerId = personKeys.get(k) == null ? null : customers.get(personKeys.get(k));
                answers[i] = new IngestAnswer(
                        i + 1L, IngestAnswer.Status.ACCEPTED, id, customerId, List.copyOf(dropped.get(r)));
                if (!announced.add(id)) {
                    continue;
                }
                if (kind == IngestKind.INTERACTIONS) {
                    outbox.record(
                            tx,
                            new InteractionRecorded(id, customerId, kept.get(k).text(Field.CHANNEL), events.now()));
                } else if (!knownOrders.contains(id)) {
                    outbox.record(tx, new OrderPlaced(id, customerId, events.now()));
                }
            }
            return null;
        });
    }

    private static String idOf(IngestKind kind, CleanRow row, ImportMapping mapping) {
        return kind == IngestKind.INTERACTIONS
                ? InteractionsWriter.idOf(row, mapping.source())
                : row.text(Field.ORDER_ID);
    }

    private static EntityWriter writer(IngestKind kind, WriteContext context) {
        if (kind == IngestKind.INTERACTIONS) {
            return new InteractionsWriter(context);
        }
        // nothing of this request was written before: each order's lines replace what the graph had for it
        return new OrderLinesWriter(context, id -> false, id -> {});
    }

    private static Set<String> knownOrders(SimpleQueryRunner tx, List<String> ids) {
        return new HashSet<>(tx.run(KNOWN_ORDERS, Map.of("ids", List.copyOf(new LinkedHashSet<>(ids))))
                .single()
                .get("known")
                .asList(Value::asString));
    }

    private static Map<String, String> customersOf(SimpleQueryRunner tx, List<String> personKeys) {
        List<String> keys =
                personKeys.stream().filter(k -> k != null).distinct().toList();
        Map<String, String> customers = new HashMap<>();
        if (!keys.isEmpty()) {
            tx.run(CUSTOMERS_OF, Map.of("keys", keys))
                    .forEachRemaining(r -> customers.put(
                            r.get("key").asString(), r.get("customerId").asString()));
        }
        return customers;
    }

    private static OffsetDateTime observedAt(CleanRow row, OffsetDateTime now) {
        for (Field field : List.of(Field.PLACED_AT, Field.OCCURRED_AT)) {
            if (row.time(field) != null) {
                return row.time(field);
            }
        }
        return now;
    }

    private static IngestAnswer rejected(long number, String field, String message) {
        return new IngestAnswer(
                number, IngestAnswer.Status.REJECTED, null, null, List.of(new IngestAnswer.Problem(field, message)));
    }
}
