package org.crmgraph.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.crmgraph.api.CrmGraphApplication;
import org.crmgraph.graph.embedded.BulkImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * {@code import --offline}: a first load through Neo4j's bulk importer must leave the graph the online import leaves
 * from the same file (same cleaning, same report, same identity resolution), and must never touch a folder that holds
 * a database.
 */
class FirstLoadIT {

    /**
     * Online Retail's columns, with what the import has to get right: an order whose lines are apart in the file and
     * one whose product appears twice (quantities add), an exact duplicate row, a row without a price (rejected), a
     * guest checkout, a cancellation, a price that changes over time (the latest wins), a description with a comma, a
     * quote and a line break, a customer who moved (the latest country wins) and a country that is not one.
     */
    private static final String FILE = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
            536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
            536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom
            536365,71053,WHITE METAL LANTERN,2,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
            536367,84879,"ASSORTED COLOUR BIRD ORNAMENT, ""LARGE""
            SET",32,2010-12-01 08:34:00,1.69,13047.0,Unspecified
            536367,84879,"ASSORTED COLOUR BIRD ORNAMENT, ""LARGE""
            SET",32,2010-12-01 08:34:00,1.69,13047.0,Unspecified
            536368,22960,JAM MAKING SET WITH JARS,6,2010-12-01 08:34:00,,13047.0,France
            536369,22960,JAM MAKING SET WITH JARS,6,2010-12-01 08:35:00,4.25,,United Kingdom
            C536370,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-2,2010-12-02 09:00:00,2.55,17850.0,United Kingdom
            536371,22960,JAM MAKING SET WITH JARS,3,2011-01-05 10:00:00,4.50,13047.0,France
            536371,85123A,WHITE HANGING HEART T-LIGHT HOLDER,1,2011-01-05 10:00:00,2.95,13047.0,France
            536372,71053,WHITE METAL LANTERN,1,2010-12-03 11:00:00,3.00,12583.0,Germany
            """;

    /** What both imports write about people, orders and products; times of writing left out. */
    private static final String GRAPH = """
            MATCH (n) WHERE n:Customer OR n:SourceRecord OR n:Product OR n:Category OR n:Order OR n:Cancellation
            RETURN labels(n) AS labels, properties(n) AS properties, [(n)-[r]->(m) | [type(r), properties(r),
                   coalesce(m.id, m.key, m.sku, m.name)]] AS out""";

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aFirstLoadLeavesTheGraphTheOnlineImportLeavesAndRecordsItsJob() throws Exception {
        Path file = Files.writeString(folder.resolve("retail.csv"), FILE);
        Path online = folder.resolve("online");
        Path offline = folder.resolve("offline");

        List<String> expected = new ArrayList<>();
        assertThat(run(online, graph(expected), "import", "--mapping", "online-retail", file.toString()))
                .as(text(err))
                .isEqualTo(Command.OK);
        String onlineSummary = text(out);
        out.reset();
        List<String> loaded = new ArrayList<>();
        AtomicReference<Map<String, Object>> job = new AtomicReference<>();
        assertThat(run(
                        offline,
                        context -> {
                            graph(loaded).accept(context);
                            job.set(context.getBean(Driver.class)
                                    .executableQuery("MATCH (j:ImportJob) RETURN properties(j) AS job")
                                    .execute()
                                    .records()
                                    .getFirst()
                                    .get("job")
                                    .asMap());
                        },
                        "import",
                        "--offline",
                        "--mapping",
                        "online-retail",
                        file.toString()))
                .as(text(err))
                .isEqualTo(Command.OK);

        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(loaded).containsExactlyElementsOf(expected);
        // the rows counts the user reads are the online import's
        String rows = onlineSummary
                .lines()
                .filter(line -> line.contains(" read, "))
                .findFirst()
                .orElseThrow();
        assertThat(text(out)).contains(rows).contains("loaded     by Neo4j's bulk importer");
        assertThat(rows).contains("12 read, 10 imported, 1 rejected, 1 exact duplicates dropped");
        assertThat(job.get())
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("rowsImported", 10L)
                .containsEntry("rowsRejected", 1L)
                .containsEntry("customersCreated", 3L);
        Path report = Path.of((String) job.get().get("reportFile"));
        assertThat(Files.readString(report)).contains("UnitPrice").contains("exact duplicate");
    }

    @Test
    void aFolderWithADatabaseIsRefusedAndLeftAsItWas() throws Exception {
        Path file = Files.writeString(folder.resolve("retail.csv"), FILE);
        Path data = folder.resolve("data");
        List<String> before = new ArrayList<>();
        assertThat(run(data, graph(before), "import", "--mapping", "online-retail", file.toString()))
                .isEqualTo(Command.OK);
        Path other = Files.writeString(folder.resolve("other.csv"), FILE.replace("17850.0", "99999.0"));

        err.reset();
        int status = run(data, context -> {}, "import", "--offline", "--mapping", "online-retail", other.toString());

        assertThat(status).isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(text(err)).contains("holds a database already").contains("without --offline");
        List<String> after = new ArrayList<>();
        run(data, graph(after), "import", "--dry-run", "--mapping", "online-retail", file.toString());
        assertThat(after).containsExactlyElementsOf(before);
    }

    @Test
    void aFileTheMappingCannotReadWritesNoStoreAndAnotherEntityTypeIsRefused() throws Exception {
        Path noPrices = Files.writeString(
                folder.resolve("no-prices.csv"),
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,CustomerID,Country\n"
                        + "536365,85123A,HEART,6,2010-12-01 08:26:00,17850.0,United Kingdom\n");
        Path data = folder.resolve("data");

        int status = run(data, context -> {}, "import", "--offline", "--mapping", "online-retail", noPrices.toString());

        assertThat(status).isEqualTo(Command.FAILED);
        assertThat(text(err)).contains("'UnitPrice'");
        assertThat(BulkImporter.hasStore(data)).isFalse();

        err.reset();
        Path customers = Files.writeString(folder.resolve("customers.csv"), "id,name\n1,Ann\n");
        assertThat(run(data, context -> {}, "import", "--offline", "--mapping", "customers-csv", customers.toString()))
                .isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(text(err)).contains("takes order lines");
        assertThat(BulkImporter.hasStore(data)).isFalse();
    }

    private static java.util.function.Consumer<org.springframework.context.ConfigurableApplicationContext> graph(
            List<String> into) {
        return context -> context.getBean(Driver.class).executableQuery(GRAPH).execute().records().stream()
                .map(r -> r.get("labels").asList(Value::asString) + " " + withoutWriteTimes(r.get("properties")) + " "
                        + r.get("out").asList(v -> v.asList(x -> x.isNull() ? null : plain(x))).stream()
                                .map(Object::toString)
                                .sorted()
                                .toList())
                .sorted()
                .forEach(into::add);
    }

    private static Object plain(Value value) {
        return value.type().name().equals("MAP") ? withoutWriteTimes(value) : value.asObject();
    }

    private static Map<String, Object> withoutWriteTimes(Value properties) {
        Map<String, Object> map = new TreeMap<>(properties.asMap());
        map.keySet().removeAll(List.of("createdAt", "updatedAt"));
        return map;
    }

    private int run(
            Path dataDir,
            java.util.function.Consumer<org.springframework.context.ConfigurableApplicationContext> afterRun,
            String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--crm.data-dir=" + dataDir;
        return CommandLine.run(CrmGraphApplication.class, all, print(out), print(err), afterRun);
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
