package org.crmgraph.importer.offline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmgraph.importer.identity.WholeFileResolution;

/**
 * The graph of a first load as the CSV files of {@code neo4j-admin database import full}: one file per label and per
 * relationship type, typed headers, every value quoted, an empty field for a property the node does not have. The
 * properties are the ones the online import writes, under the same names and types.
 */
public final class ImporterFiles {

    /** Node files by label and relationship files by type, as the importer's {@code --nodes}/{@code --relationships}. */
    public record Written(List<String> arguments, long nodes, long relationships) {}

    private static final String[] CUSTOMER = {
        "id:ID(Customer)",
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
        "birthDate:date",
        "createdAt:datetime",
        "updatedAt:datetime"
    };
    private static final String[] SOURCE_RECORD = {
        "key:ID(SourceRecord)",
        "source",
        "externalId",
        "file",
        "line:long",
        "originId",
        "observedAt:datetime",
        "email",
        "phone",
        "name",
        "country",
        "city",
        "givenName",
        "familyName",
        "street",
        "postcode",
        "region",
        "birthDate:date",
        "createdAt:datetime"
    };
    private static final String[] PRODUCT = {
        "sku:ID(Product)",
        "name",
        "description",
        "price:double",
        "currency",
        "priceObservedAt:datetime",
        "createdAt:datetime",
        "updatedAt:datetime"
    };

    private final Path folder;
    private final OffsetDateTime now;
    private final List<String> arguments = new ArrayList<>();
    private long nodes;
    private long relationships;

    /**
     * @param now the creation time of everything written (the online import's {@code datetime()})
     */
    public ImporterFiles(Path folder, OffsetDateTime now) {
        this.folder = folder;
        this.now = now;
    }

    /** Writes every file into the folder. */
    public Written write(WholeFileResolution.Result people, OrderHistory history, String source, String file)
            throws IOException {
        Files.createDirectories(folder);
        try (var out = nodes("Customer", "customers", CUSTOMER)) {
            for (var customer : people.customers()) {
                Map<String, Object> row = new LinkedHashMap<>(customer.values());
                row.put("id", customer.id());
                row.put("createdAt", now);
                row.put("updatedAt", now);
                out.row(row);
            }
        }
        try (var out = nodes("SourceRecord", "source-records", SOURCE_RECORD);
                var resolved =
                        relationships("RESOLVED_TO", "resolved-to", ":START_ID(SourceRecord)", ":END_ID(Customer)")) {
            for (var record : people.records()) {
                Map<String, Object> row = new LinkedHashMap<>(record.values());
                row.put("file", file);
                row.put("originId", record.customerId());
                row.put("createdAt", now);
                out.row(row);
                resolved.values(record.key(), record.customerId());
            }
        }
        Map<String, String> customerOf = new LinkedHashMap<>();
        people.records().forEach(record -> customerOf.put(record.key(), record.customerId()));
        Map<String, OrderHistory.Product> products = history.products();
        try (var out = nodes("Product", "products", PRODUCT);
                var categories = nodes("Category", "categories", "name:ID(Category)");
                var inCategory =
                        relationships("IN_CATEGORY", "in-category", ":START_ID(Product)", ":END_ID(Category)")) {
            java.util.Set<String> seenCategories = new java.util.HashSet<>();
            for (var product : products.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("sku", product.sku);
                row.put("name", product.name != null ? product.name : product.sku);
                row.put("description", product.description);
                row.put("price", product.price);
                row.put("currency", product.currency);
                row.put("priceObservedAt", product.observedAt);
                row.put("createdAt", now);
                row.put("updatedAt", now);
                out.row(row);
                if (product.category != null) {
                    if (seenCategories.add(product.category)) {
                        categories.values(product.category);
                    }
                    inCategory.values(product.sku, product.category);
                }
            }
        }
        for (boolean cancellation : new boolean[] {false, true}) {
            String label = cancellation ? "Cancellation" : "Order";
            String name = cancellation ? "cancellations" : "orders";
            String time = cancellation ? "cancelledAt:datetime" : "placedAt:datetime";
            try (var out = nodes(
                            label,
                            name,
                            "id:ID(" + label + ")",
                            "status",
                            time,
                            "channel",
                            "source",
                            "currency",
                            "total:double",
                            "createdAt:datetime");
                    var placed = relationships(
                            cancellation ? "CANCELLED" : "PLACED",
                            name + "-placed",
                            ":START_ID(Customer)",
                            ":END_ID(" + label + ")",
                            "sourceKey");
                    var lines = relationships(
                            "CONTAINS",
                            name + "-lines",
                            ":START_ID(" + label + ")",
                            ":END_ID(Product)",
                            "quantity:long",
                            "unitPrice:double")) {
                for (OrderHistory.Order order : history.orders()) {
                    if (order.cancellation != cancellation) {
                        continue;
                    }
                    out.values(
                            order.id,
                            "PLACED",
                            order.at,
                            order.channel,
                            source,
                            order.currency,
                            order.total(products),
                            now);
                    java.util.Set<String> customers = new java.util.HashSet<>();
                    for (String personKey : order.personKeys) {
                        String customer = customerOf.get(personKey);
                        if (customer != null && customers.add(customer)) {
                            placed.values(customer, order.id, personKey);
                        }
                    }
                    for (var line : order.lines.entrySet()) {
                        lines.values(
                                order.id,
                                line.getKey(),
                                line.getValue().quantity,
                                line.getValue().unitPrice(products.get(line.getKey())));
                    }
                }
            }
        }
        return new Written(List.copyOf(arguments), nodes, relationships);
    }

    private CsvFile nodes(String label, String name, String... header) throws IOException {
        Path path = folder.resolve(name + ".csv");
        arguments.add("--nodes=" + label + "=" + path);
        return new CsvFile(path, header, true);
    }

    private CsvFile relationships(String type, String name, String... header) throws IOException {
        Path path = folder.resolve(name + ".csv");
        arguments.add("--relationships=" + type + "=" + path);
        return new CsvFile(path, header, false);
    }

    /** One importer file; counts what it holds. */
    private final class CsvFile implements AutoCloseable {
        private final BufferedWriter out;
        private final String[] columns;
        private final boolean nodeFile;

        CsvFile(Path path, String[] header, boolean nodeFile) throws IOException {
            this.out = Files.newBufferedWriter(path);
            this.nodeFile = nodeFile;
            this.columns = new String[header.length];
            for (int i = 0; i < header.length; i++) {
                columns[i] = header[i].replaceAll(":.*", "");
            }
            out.write(String.join(",", header));
            out.write('\n');
        }

        /** A row by property name (the id column under its property name). */
        void row(Map<String, Object> properties) throws IOException {
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                values[i] = properties.get(columns[i]);
            }
            values(values);
        }

        void values(Object... values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object value = values[i];
                if (value != null) {
                    out.write('"');
                    out.write(text(value).replace("\"", "\"\""));
                    out.write('"');
                }
            }
            out.write('\n');
            if (nodeFile) {
                nodes++;
            } else {
                relationships++;
            }
        }

        private static String text(Object value) {
            if (value instanceof OffsetDateTime time) {
                return time.toString();
            }
            if (value instanceof LocalDate date) {
                return date.toString();
            }
            if (value instanceof TemporalAccessor other) {
                throw new IllegalArgumentException("no importer type for " + other.getClass());
            }
            return value.toString();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
