package org.crmgraph.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crmgraph.importer.clean.CleanRow;
import org.crmgraph.importer.clean.RowCleaner;
import org.crmgraph.importer.clean.RowResult;
import org.crmgraph.importer.mapping.Field;
import org.crmgraph.importer.mapping.ImportMapping;
import org.crmgraph.importer.mapping.MappingLoader;
import org.crmgraph.importer.read.RowSource;
import org.crmgraph.importer.read.RowSources;
import org.crmgraph.importer.read.SourceRow;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;

/**
 * Neo4j's own offline bulk importer ({@code neo4j-admin database import full}, run in-process from the
 * {@code neo4j-import-tool} jar that comes with {@code org.neo4j:neo4j}) on the same cleaned Online
 * Retail data our import writes: customers, products, orders and cancellations with their lines. The
 * data is cleaned with our {@link RowCleaner} and written as the importer's CSV files first (timed
 * apart); the figure to compare with {@link ImportBenchmark} is the importer's own time.
 *
 * <pre>./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.OfflineImportComparison \
 *     -Dexec.args="--file ../shared/datasets/online-retail/online_retail.csv.gz"</pre>
 */
public final class OfflineImportComparison {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path file = Path.of(options.getOrDefault("file", "../shared/datasets/online-retail/online_retail.csv.gz"));
        Path work = Files.createTempDirectory("crm-offline-import");

        long started = System.nanoTime();
        var data = clean(file);
        Map<String, Path> csv = data.write(work.resolve("csv"));
        double prepare = (System.nanoTime() - started) / 1e9;

        Path home = work.resolve("home");
        Path conf = Files.createDirectories(home.resolve("conf"));
        long importStarted = System.nanoTime();
        int status = AdminTool.execute(
                new ExecutionContext(home, conf),
                "database",
                "import",
                "full",
                "--nodes=Customer=" + csv.get("customers"),
                "--nodes=Product=" + csv.get("products"),
                "--nodes=" + csv.get("orders"),
                "--relationships=" + csv.get("placed"),
                "--relationships=CONTAINS=" + csv.get("lines"),
                "--threads=2",
                "--overwrite-destination=true",
                "neo4j");
        double imported = (System.nanoTime() - importStarted) / 1e9;
        if (status != 0) {
            throw new IllegalStateException("neo4j-admin import exited with " + status);
        }
        long nodes = data.customers.size() + data.products.size() + data.orders.size();
        long relationships = data.placed + data.lines.size();
        System.out.printf("%n| step | seconds | nodes | relationships | entities/s |%n|---|---|---|---|---|%n");
        System.out.printf("| clean + write importer CSVs | %.1f | | | |%n", prepare);
        System.out.printf(
                "| neo4j-admin database import full | %.1f | %,d | %,d | %,.0f |%n",
                imported, nodes, relationships, (nodes + relationships) / imported);
    }

    private static final class Data {
        final Map<String, String> customers = new HashMap<>();
        final Map<String, String[]> products = new LinkedHashMap<>();
        final Map<String, String[]> orders = new LinkedHashMap<>();
        final Map<String, double[]> lines = new LinkedHashMap<>();
        long placed;

        Map<String, Path> write(Path folder) throws IOException {
            Files.createDirectories(folder);
            Map<String, Path> files = new HashMap<>();
            try (BufferedWriter out = Files.newBufferedWriter(put(files, "customers", folder))) {
                out.write("id:ID(Customer),country\n");
                for (var c : customers.entrySet()) {
                    out.write(quote(c.getKey()) + "," + quote(c.getValue()) + "\n");
                }
            }
            try (BufferedWriter out = Files.newBufferedWriter(put(files, "products", folder))) {
                out.write("sku:ID(Product),name,price:double\n");
                for (var p : products.entrySet()) {
                    out.write(quote(p.getKey()) + "," + quote(p.getValue()[0]) + "," + p.getValue()[1] + "\n");
                }
            }
            try (BufferedWriter out = Files.newBufferedWriter(put(files, "orders", folder));
                    BufferedWriter rel = Files.newBufferedWriter(put(files, "placed", folder))) {
                out.write("id:ID(Order),placedAt:datetime,:LABEL\n");
                rel.write(":START_ID(Customer),:END_ID(Order),:TYPE\n");
                for (var o : orders.entrySet()) {
                    String[] order = o.getValue();
                    out.write(quote(o.getKey()) + "," + order[0] + "," + order[2] + "\n");
                    if (order[1] != null) {
                        rel.write(quote(order[1]) + "," + quote(o.getKey()) + ","
                                + ("Order".equals(order[2]) ? "PLACED" : "CANCELLED") + "\n");
                        placed++;
                    }
                }
            }
            try (BufferedWriter out = Files.newBufferedWriter(put(files, "lines", folder))) {
                out.write(":START_ID(Order),:END_ID(Product),quantity:long,unitPrice:double\n");
                for (var l : lines.entrySet()) {
                    String[] key = l.getKey().split("\u0000");
                    out.write(quote(key[0]) + "," + quote(key[1]) + "," + (long) l.getValue()[0] + "," + l.getValue()[1]
                            + "\n");
                }
            }
            return files;
        }

        private static Path put(Map<String, Path> files, String name, Path folder) {
            Path path = folder.resolve(name + ".csv");
            files.put(name, path);
            return path;
        }

        private static String quote(String value) {
            return value == null ? "" : '"' + value.replace("\"", "\"\"") + '"';
        }
    }

    private static Data clean(Path file) throws IOException {
        ImportMapping mapping = MappingLoader.builtIn("online-retail");
        var cleaner = new RowCleaner(mapping);
        var seen = new java.util.HashSet<Long>();
        var data = new Data();
        try (RowSource source = RowSources.open(file, mapping.format(), mapping.delimiter())) {
            for (SourceRow row = source.next(); row != null; row = source.next()) {
                if (!seen.add(row.fingerprint())) {
                    continue;
                }
                RowResult result = cleaner.clean(row);
                if (result.rejected()) {
                    continue;
                }
                CleanRow r = result.row();
                String customer = r.text(Field.CUSTOMER_ID);
                if (customer != null) {
                    data.customers.put(customer, r.text(Field.COUNTRY));
                }
                String sku = r.text(Field.SKU);
                data.products.put(
                        sku, new String[] {r.text(Field.PRODUCT_NAME), String.valueOf(r.decimal(Field.UNIT_PRICE))});
                String order = r.text(Field.ORDER_ID);
                data.orders.putIfAbsent(order, new String[] {
                    r.time(Field.PLACED_AT).toString(), customer, r.cancellation() ? "Cancellation" : "Order"
                });
                data.lines.merge(
                        order + "\u0000" + sku,
                        new double[] {r.number(Field.QUANTITY), r.decimal(Field.UNIT_PRICE)},
                        (a, b) -> new double[] {a[0] + b[0], b[1]});
            }
        }
        return data;
    }

    private OfflineImportComparison() {}
}
