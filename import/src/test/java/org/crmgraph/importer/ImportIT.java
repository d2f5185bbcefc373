package org.crmgraph.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.crmgraph.graph.fixture.ImportFiles;
import org.crmgraph.importer.job.ImportJob;
import org.crmgraph.importer.job.ImportJobStatus;
import org.crmgraph.importer.mapping.EntityType;
import org.crmgraph.importer.read.MalformedFileException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bulk imports into the embedded Neo4j, starting from the fixture graph (customers c1-c5...). */
class ImportIT extends ImportModuleTest {

    private static final Instant T1 = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-10T00:00:00Z");

    @Autowired
    ImportService imports;

    private ImportJob run(Path file, String mapping) {
        return run(file, mapping, false);
    }

    private ImportJob run(Path file, String mapping, boolean dryRun) {
        return imports.run(new ImportRequest(file, mapping, null, dryRun, null), ImportProgressListener.NONE);
    }

    private long count(String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    private String string(String query) {
        return cypher.read(
                        query,
                        Map.of(),
                        r -> r.get(0).isNull() ? null : r.get(0).asString())
                .getFirst();
    }

    @Test
    void peopleFromACrmExportAndAnEventStreamBecomeOneCustomerEach() throws Exception {
        Path crm = ImportFiles.write("people.csv", """
                id,name,email,phone,country,city,updated_at
                crm-1,  ALICE   ARCHER ,Alice@Example.com ,020 7946 0000,United Kingdom,London,2026-01-05 10:00
                crm-2,zoe zimmer,zoe@example.net,+49 30 12345678,DE,Berlin,05.01.2026
                crm-3,No Contact,not-an-email,,Atlantis,,
                ,,,,,,
                crm-4,Dup,dup@example.com,,,,
                crm-4,Dup,dup@example.com,,,,
                """, T1);
        ImportJob people = run(crm, "customers-csv");

        assertThat(people.status()).isEqualTo(ImportJobStatus.SUCCEEDED);
        assertThat(people.counts().rowsRead()).isEqualTo(6);
        assertThat(people.counts().rowsImported()).isEqualTo(4);
        assertThat(people.counts().rowsRejected()).isEqualTo(1);
        assertThat(people.counts().duplicateRows()).isEqualTo(1);
        assertThat(people.counts().valuesDropped()).isEqualTo(3); // the date, the e-mail, the country
        assertThat(people.counts().customersMatched()).isEqualTo(1); // Alice is c1, by e-mail
        assertThat(people.counts().customersCreated()).isEqualTo(3);
        // Alice: matched to the fixture's c1 by e-mail, phone normalised to E.164 with the mapping's country
        assertThat(string("MATCH (:SourceRecord {key: 'crm:id:crm-1'})-[:RESOLVED_TO]->(c) RETURN c.id"))
                .isEqualTo("c1");
        assertThat(string("MATCH (c:Customer {id: 'c1'}) RETURN c.phone")).isEqualTo("+442079460000");
        assertThat(string("MATCH (c:Customer {id: 'c1'}) RETURN c.name")).isEqualTo("Alice Archer");

        Path events = ImportFiles.write("events.jsonl", """
                {"id":"ev-1","channel":"chat","type":"message","at":"2026-02-01T10:00:00+01:00","customer":{"email":" ZOE@example.NET "},"text":"Hi","sku":"AUD-1"}
                {"id":"ev-2","channel":"Twitter","type":"mention","at":"2026-02-02T09:00:00Z","customer":{"phone":"0049 30 1234-5678"}}
                {"id":"ev-3","channel":"pigeon","type":"note","at":"2026-02-03T09:00:00Z","customer":{"email":"zoe@example.net"}}
                """, T1);
        ImportJob touchpoints = run(events, "interactions-jsonl");

        assertThat(touchpoints.counts().rowsImported()).isEqualTo(2);
        assertThat(touchpoints.counts().rowsRejected()).isEqualTo(1);
        String zoe = string("MATCH (:SourceRecord {key: 'crm:id:crm-2'})-[:RESOLVED_TO]->(c) RETURN c.id");
        assertThat(cypher.read(
                        "MATCH (c:Customer)-[:HAD]->(i:Interaction) WHERE i.id IN ['ev-1', 'ev-2'] RETURN DISTINCT c.id",
                        Map.of(),
                        r -> r.get(0).asString()))
                .containsExactly(zoe);
        assertThat(count("MATCH (:Customer {id: '" + zoe + "'})<-[:RESOLVED_TO]-(s:SourceRecord) RETURN count(s)"))
                .isEqualTo(3);
        assertThat(cypher.read(
                                "MATCH (i:Interaction {id: 'ev-1'})-[:ABOUT]->(p) RETURN i.occurredAt AS at, i.channel AS channel, p.sku AS sku",
                                Map.of(),
                                r -> List.of(
                                        r.get("at")
                                                .asOffsetDateTime()
                                                .withOffsetSameInstant(ZoneOffset.UTC)
                                                .toString(),
                                        r.get("channel").asString(),
                                        r.get("sku").asString()))
                        .getFirst())
                .containsExactly("2026-02-01T09:00Z", "CHAT", "AUD-1");
        assertThat(string("MATCH (i:Interaction {id: 'ev-2'}) RETURN i.channel"))
                .isEqualTo("SOCIAL");

        List<String> report = Files.readAllLines(Path.of(touchpoints.reportFile()));
        assertThat(report.getFirst()).isEqualTo("line,column,value,reason,action");
        assertThat(report).anyMatch(line -> line.startsWith("3,channel,pigeon,") && line.endsWith(",REJECTED"));
        assertThat(Files.readAllLines(Path.of(people.reportFile())))
                .anyMatch(line -> line.startsWith("4,email,not-an-email,") && line.endsWith(",VALUE_DROPPED"))
                .anyMatch(line -> line.startsWith("7,,,exact duplicate") && line.endsWith(",DUPLICATE"))
                .anyMatch(line -> line.startsWith("5,,,") && line.endsWith(",REJECTED"));
    }

    @Test
    void reImportingAFileChangesNothingAndANewerFileWins() {
        Path v1 = ImportFiles.write("contacts-v1.csv", """
                id,name,email,phone,country,city,updated_at
                crm-7,Gil Grant,gil@example.com,,GB,Leeds,
                crm-8,Hana Hill,hana@example.com,,JP,Osaka,
                """, T1);
        run(v1, "customers-csv");
        List<String> once = ImportFiles.snapshot(cypher);
        run(v1, "customers-csv");
        assertThat(ImportFiles.snapshot(cypher)).containsExactlyElementsOf(once);

        Path v2 = ImportFiles.write("contacts-v2.csv", """
                id,name,email,phone,country,city,updated_at
                crm-7,Gil Grant,gil@example.com,,GB,York,
                """, T2);
        run(v2, "customers-csv");
        assertThat(string("MATCH (:SourceRecord {key: 'crm:id:crm-7'})-[:RESOLVED_TO]->(c) RETURN c.city"))
                .isEqualTo("York");
        // the older export, imported again later, does not overwrite the newer value
        run(v1, "customers-csv");
        assertThat(string("MATCH (:SourceRecord {key: 'crm:id:crm-7'})-[:RESOLVED_TO]->(c) RETURN c.city"))
                .isEqualTo("York");
        assertThat(string("MATCH (:SourceRecord {key: 'crm:id:crm-8'})-[:RESOLVED_TO]->(c) RETURN c.city"))
                .isEqualTo("Osaka");
    }

    @Test
    void aSliceOfOnlineRetailBecomesCustomersOrdersProductsAndCancellations() {
        Path source = ImportFiles.dataset("online-retail/online_retail.csv.gz").orElse(null);
        assumeTrue(source != null, "../shared/datasets/online-retail is not on this machine");
        Path slice = ImportFiles.gzipSlice(source, 3000, "online-retail-3000.csv.gz");

        ImportJob job = run(slice, "online-retail");

        var counts = job.counts();
        assertThat(counts.rowsRead()).isEqualTo(3000);
        assertThat(counts.duplicateRows()).isEqualTo(44);
        assertThat(counts.rowsImported() + counts.rowsRejected() + counts.duplicateRows())
                .isEqualTo(3000);
        // 94 customer ids in these rows, but one of them only has a rejected (discount) line
        assertThat(counts.customersCreated()).isEqualTo(93);
        assertThat(counts.rowsImported()).isEqualTo(2947);
        // invoice 536365: customer 17850 (written 17850.0), UK local time in winter = UTC, seven lines
        assertThat(
                        string(
                                "MATCH (:SourceRecord {key: 'online-retail:id:17850'})-[:RESOLVED_TO]->(c)-[:PLACED]->(o:Order {id: '536365'}) RETURN c.country"))
                .isEqualTo("GB");
        assertThat(cypher.read(
                                "MATCH (o:Order {id: '536365'})-[l:CONTAINS]->() RETURN o.placedAt AS at, o.total AS total, count(l) AS lines",
                                Map.of(),
                                r -> List.of(
                                        r.get("at")
                                                .asOffsetDateTime()
                                                .toInstant()
                                                .toString(),
                                        r.get("total").asDouble(),
                                        r.get("lines").asLong()))
                        .getFirst())
                .containsExactly("2010-12-01T08:26:00Z", 139.12, 7L);
        assertThat(string("MATCH (p:Product {sku: '85123A'}) RETURN p.name"))
                .isEqualTo("White Hanging Heart T-Light Holder");
        // a cancellation is a Cancellation with the quantity cancelled, never an order
        assertThat(count("MATCH (o:Order) WHERE o.id STARTS WITH 'C' RETURN count(o)"))
                .isZero();
        assertThat(
                        count(
                                "MATCH (:Customer)-[:CANCELLED]->(x:Cancellation {id: 'C536383'})-[l:CONTAINS]->(:Product {sku: '35004C'}) RETURN l.quantity"))
                .isEqualTo(1);
        // postage and discounts are not products
        assertThat(count("MATCH (p:Product) WHERE p.sku IN ['POST', 'D'] RETURN count(p)"))
                .isZero();
        assertThat(count("MATCH (n:ImportJob {id: '" + job.id() + "', status: 'SUCCEEDED'}) RETURN count(n)"))
                .isOne();

        List<String> once = ImportFiles.snapshot(cypher);
        ImportJob again = run(slice, "online-retail");
        assertThat(again.counts().customersCreated()).isZero();
        assertThat(again.counts().customersMatched()).isEqualTo(93);
        assertThat(ImportFiles.snapshot(cypher)).containsExactlyElementsOf(once);
    }

    @Test
    void labelledQueriesBecomeResolvedTicketsOnce() {
        Path file = ImportFiles.write("labelled.csv", """
                text,category
                I am still waiting on my card?,card_arrival
                "My card was declined at a shop, why?",declined_card_payment
                ,card_arrival
                """, T1);
        ImportJob job = run(file, "tickets-csv");
        assertThat(job.counts().rowsImported()).isEqualTo(2);
        assertThat(job.counts().rowsRejected()).isEqualTo(1);
        assertThat(cypher.read("""
                MATCH (t:Ticket {source: 'tickets-csv'}) RETURN t.status + '|' + t.category + '|' + t.subject + '|' + t.channel
                ORDER BY t.category""", Map.of(), r -> r.get(0).asString()))
                .containsExactly(
                        "RESOLVED|card_arrival|I am still waiting on my card?|WEB",
                        "RESOLVED|declined_card_payment|My card was declined at a shop, why?|WEB");
        assertThat(count("MATCH (t:Ticket {source: 'tickets-csv'}) WHERE t.resolvedAt IS NULL RETURN count(t)"))
                .isZero();
        List<String> once = ImportFiles.snapshot(cypher);
        run(file, "tickets-csv");
        assertThat(ImportFiles.snapshot(cypher)).containsExactlyElementsOf(once);
    }

    @Test
    void banking77BecomesTenThousandResolvedTicketsIn77Categories() {
        Path source = ImportFiles.dataset("banking77/train.csv").orElse(null);
        assumeTrue(source != null, "../shared/datasets/banking77 is not on this machine");

        ImportJob job = imports.run(
                new ImportRequest(source, "tickets-csv", EntityType.TICKETS, false, null), ImportProgressListener.NONE);

        // 10,003 records on 10,017 lines: some queries span lines inside quotes
        assertThat(job.counts().rowsRead()).isEqualTo(10_003);
        assertThat(job.counts().rowsImported()).isEqualTo(10_003);
        assertThat(count("MATCH (t:Ticket {source: 'tickets-csv', status: 'RESOLVED'}) RETURN count(t)"))
                .isEqualTo(10_003);
        assertThat(count("MATCH (t:Ticket {source: 'tickets-csv'}) RETURN count(DISTINCT t.category)"))
                .isEqualTo(77);
    }

    @Test
    void aBrokenQuoteStopsTheImportAtItsLineAndKeepsTheBatchesBefore() {
        var content = new StringBuilder("id,name,email,phone,country,city,updated_at\n");
        for (int i = 1; i <= 1200; i++) {
            content.append("bulk-")
                    .append(i)
                    .append(",Person ")
                    .append(i)
                    .append(",p")
                    .append(i)
                    .append("@example.com,,,,\n");
        }
        content.append("bulk-x,\"Broken quote,px@example.com,,,,\n");
        Path file = ImportFiles.write("broken.csv", content.toString(), T1);

        assertThatThrownBy(() -> run(file, "customers-csv"))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("line 1202");
        // two batches of 500 committed; the third, holding the broken line, left the graph as it was
        assertThat(count("MATCH (s:SourceRecord) WHERE s.key STARTS WITH 'crm:id:bulk-' RETURN count(s)"))
                .isEqualTo(1000);
        assertThat(count("MATCH (s:SourceRecord {key: 'crm:id:bulk-1001'}) RETURN count(s)"))
                .isZero();
        ImportJob job = imports.recentJobs(1).getFirst();
        assertThat(job.status()).isEqualTo(ImportJobStatus.FAILED);
        assertThat(job.error()).contains("line 1202");
        assertThat(job.counts().rowsImported()).isEqualTo(1000);
        assertThat(job.counts().lastLine()).isEqualTo(1001);
    }

    @Test
    void aMissingRequiredColumnStopsBeforeAnythingIsWritten() {
        Path file = ImportFiles.write("no-quantity.csv", """
                InvoiceNo,StockCode,Description,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
                """, T1);
        List<String> before = ImportFiles.snapshot(cypher);
        long jobs = count("MATCH (j:ImportJob) RETURN count(j)");

        assertThatThrownBy(() -> run(file, "online-retail"))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("'Quantity'");
        assertThat(ImportFiles.snapshot(cypher)).containsExactlyElementsOf(before);
        assertThat(count("MATCH (j:ImportJob) RETURN count(j)")).isEqualTo(jobs);
    }

    @Test
    void aMappingOfAnotherTypeIsRefused() {
        Path file = ImportFiles.write(
                "typed.csv", "id,name,email,phone,country,city,updated_at\nx,X,x@example.com,,,,\n", T1);
        assertThatThrownBy(() -> imports.run(
                        new ImportRequest(file, "customers-csv", EntityType.ORDERS, false, null),
                        ImportProgressListener.NONE))
                .hasMessageContaining("imports customers, not orders");
    }

    @Test
    void aDryRunReportsAndWritesNothing() throws Exception {
        Path file = ImportFiles.write("dry.csv", """
                id,name,email,phone,country,city,updated_at
                dry-1,Ivy Ives,ivy@example.com,,GB,Hull,
                dry-2,Jon Jones,broken@,,GB,Hull,
                """, T1);
        List<String> before = ImportFiles.snapshot(cypher);

        ImportJob job = run(file, "customers-csv", true);

        assertThat(job.dryRun()).isTrue();
        assertThat(job.status()).isEqualTo(ImportJobStatus.SUCCEEDED);
        assertThat(job.counts().rowsImported()).isEqualTo(2);
        assertThat(job.counts().valuesDropped()).isEqualTo(1);
        assertThat(ImportFiles.snapshot(cypher)).containsExactlyElementsOf(before);
        assertThat(Files.readString(Path.of(job.reportFile()))).contains("broken@");
    }

    @Test
    void datesInTheMappingsFormatsAndZoneBecomeUtc() {
        Path file = ImportFiles.write("dates.csv", """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                900001,AUD-1,Headphones,2,7/15/2011 9:30,10.0,99001,Germany
                900002,AUD-1,Headphones,1,2011-07-15T09:30:00+02:00,10.0,99001,Germany
                900003,AUD-1,Headphones,1,15 July 2011,10.0,99001,Germany
                """, T1);
        ImportJob job = run(file, "online-retail");
        assertThat(job.counts().rowsRejected()).isEqualTo(1);
        // summer in London is UTC+1
        assertThat(cypher.read(
                        "MATCH (o:Order) WHERE o.id IN ['900001', '900002'] RETURN o.placedAt ORDER BY o.id",
                        Map.of(),
                        r -> r.get(0).asOffsetDateTime().toInstant().toString()))
                .containsExactly("2011-07-15T08:30:00Z", "2011-07-15T07:30:00Z");
    }
}
