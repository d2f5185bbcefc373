package org.crmgraph.importer.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.crmgraph.graph.validation.Countries;
import org.crmgraph.importer.mapping.FieldRule.OnInvalid;
import org.crmgraph.importer.read.RowSources.Format;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads mappings from YAML or JSON (JSON is YAML too). Every entry is checked, and an unknown key
 * is an error rather than silently ignored: a typo in a mapping must not import half a file.
 */
public final class MappingLoader {

    /** The mappings shipped in the jar, under {@code import-mappings/<name>.yaml}. */
    public static final List<String> BUILT_IN =
            List.of("online-retail", "tickets-csv", "customers-csv", "interactions-jsonl", "orders-jsonl", "febrl");

    private static final Set<String> TOP_KEYS = Set.of(
            "name",
            "description",
            "type",
            "source",
            "format",
            "delimiter",
            "zone",
            "defaultCountry",
            "match",
            "fields",
            "orders");
    private static final Set<String> FIELD_KEYS =
            Set.of("column", "columns", "required", "default", "invalid", "formats", "case");
    private static final Set<String> ORDER_KEYS = Set.of("cancellationPrefix", "nonProductSkus");

    private MappingLoader() {}

    /** A built-in mapping by name, or a mapping file by path. */
    public static ImportMapping load(String nameOrPath) {
        if (BUILT_IN.contains(nameOrPath)) {
            return builtIn(nameOrPath);
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new InvalidMappingException(
                    "no mapping '" + nameOrPath + "': not a built-in mapping " + BUILT_IN + " and no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImportMapping builtIn(String name) {
        try (InputStream in = MappingLoader.class.getResourceAsStream("/import-mappings/" + name + ".yaml")) {
            if (in == null) {
                throw new InvalidMappingException("no built-in mapping '" + name + "'");
            }
            return parse(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImportMapping parse(InputStream in, String origin) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (YAMLException e) {
            throw new InvalidMappingException(origin + ": not valid YAML or JSON: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw new InvalidMappingException(origin + ": a mapping is an object with 'type' and 'fields'");
        }
        return new Parser(origin).mapping(root);
    }

    private record Parser(String origin) {

        ImportMapping mapping(Map<?, ?> root) {
            unknownKeys(root, TOP_KEYS, "");
            String name = string(root, "name", origin);
            EntityType type = EntityType.byKey(requiredString(root, "type"))
                    .orElseThrow(() -> error("type", "must be one of " + keys(List.of(EntityType.values()))));
            String source = string(root, "source", name);
            if (!source.matches(ImportMapping.SOURCE_PATTERN)) {
                throw error("source", "use letters, digits, '.', '_' or '-' (it prefixes provenance keys)");
            }
            Format format = switch (string(root, "format", "csv").toLowerCase(Locale.ROOT)) {
                case "csv" -> Format.CSV;
                case "jsonl", "json-lines", "ndjson" -> Format.JSONL;
                default -> throw error("format", "must be csv or jsonl");
            };
            Character delimiter = delimiter(root.get("delimiter"));
            ZoneId zone = zone(string(root, "zone", "UTC"));
            String country = root.get("defaultCountry") == null
                    ? null
                    : Countries.toIsoCode(String.valueOf(root.get("defaultCountry")))
                            .orElseThrow(() -> error("defaultCountry", "not an ISO 3166 country"));
            List<MatchRule> match = match(root.get("match"), type);
            Map<Field, FieldRule> fields = fields(root.get("fields"), type);
            OrderRules orders = orders(root.get("orders"), type);
            return new ImportMapping(
                    name,
                    string(root, "description", ""),
                    type,
                    source,
                    format,
                    delimiter,
                    zone,
                    country,
                    match,
                    fields,
                    orders);
        }

        private Map<Field, FieldRule> fields(Object value, EntityType type) {
            if (!(value instanceof Map<?, ?> entries) || entries.isEmpty()) {
                throw error("fields", "map each field to a column, e.g. email: { column: E-mail }");
            }
            Map<Field, FieldRule> rules = new EnumMap<>(Field.class);
            for (var entry : entries.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Field field = Field.byKey(key)
                        .filter(type.allowed()::contains)
                        .orElseThrow(() -> error(
                                "fields." + key,
                                "not a field of " + type.key() + "; allowed: " + keys(type.allowed())));
                rules.put(field, rule(field, type, "fields." + key, entry.getValue()));
            }
            for (Field field : type.required()) {
                FieldRule rule = rules.get(field);
                if (rule == null) {
                    throw error("fields", type.key() + " need '" + field.key() + "'");
                }
                if (!rule.required()) {
                    throw error("fields." + field.key(), "is always required for " + type.key());
                }
            }
            if (type == EntityType.CUSTOMERS
                    && !(rules.containsKey(Field.CUSTOMER_ID)
                            || rules.containsKey(Field.EMAIL)
                            || rules.containsKey(Field.PHONE))) {
                throw error("fields", "customers need customerId, email or phone to be told apart");
            }
            return rules;
        }

        private FieldRule rule(Field field, EntityType type, String path, Object value) {
            // the short form `email: E-mail` names just the column
            if (value instanceof String column) {
                return new FieldRule(
                        field,
                        column,
                        type.required().contains(field),
                        null,
                        OnInvalid.REJECT,
                        List.of(),
                        false,
                        List.of());
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw error(path, "give a column name or { column, required, default, invalid, formats, case }");
            }
            unknownKeys(map, FIELD_KEYS, path + ".");
            String column = map.get("column") == null ? null : String.valueOf(map.get("column"));
            List<String> joined = new ArrayList<>();
            if (map.get("columns") instanceof Collection<?> names && !names.isEmpty()) {
                if (column != null) {
                    throw error(path, "give either column or columns");
                }
                names.forEach(name -> joined.add(String.valueOf(name)));
                column = joined.removeFirst();
            } else if (map.get("columns") != null) {
                throw error(path + ".columns", "must be a non-empty list of column names, joined with a space");
            }
            String defaultValue = map.get("default") == null ? null : String.valueOf(map.get("default"));
            if (column == null && defaultValue == null) {
                throw error(path, "needs a column or a default");
            }
            Object required = map.get("required");
            boolean isRequired = required == null ? type.required().contains(field) : Boolean.TRUE.equals(required);
            OnInvalid onInvalid = switch (string(map, "invalid", "reject").toLowerCase(Locale.ROOT)) {
                case "reject" -> OnInvalid.REJECT;
                case "drop" -> OnInvalid.DROP;
                default -> throw error(path + ".invalid", "must be reject (the row) or drop (the value)");
            };
            List<String> formats = new ArrayList<>();
            if (map.get("formats") instanceof Collection<?> patterns) {
                for (Object pattern : patterns) {
                    try {
                        DateTimeFormatter.ofPattern(String.valueOf(pattern));
                    } catch (IllegalArgumentException e) {
                        throw error(
                                path + ".formats", "'" + pattern + "' is not a date-time pattern: " + e.getMessage());
                    }
                    formats.add(String.valueOf(pattern));
                }
            } else if (map.get("formats") != null) {
                throw error(path + ".formats", "must be a list of patterns");
            }
            boolean titleCase = switch (string(map, "case", "keep").toLowerCase(Locale.ROOT)) {
                case "title" -> true;
                case "keep" -> false;
                default -> throw error(path + ".case", "must be title or keep");
            };
            return new FieldRule(
                    field,
                    column,
                    isRequired,
                    defaultValue,
                    onInvalid,
                    List.copyOf(formats),
                    titleCase,
                    List.copyOf(joined));
        }

        private List<MatchRule> match(Object value, EntityType type) {
            if (value == null) {
                return List.of(MatchRule.EXTERNAL_ID, MatchRule.EMAIL, MatchRule.PHONE);
            }
            if (!type.carriesIdentity()) {
                throw error("match", type.key() + " rows are not about a customer");
            }
            if (!(value instanceof Collection<?> names)) {
                throw error("match", "must be a list such as [external-id, email, phone]");
            }
            Set<MatchRule> rules = new LinkedHashSet<>();
            for (Object name : names) {
                rules.add(MatchRule.byKey(String.valueOf(name))
                        .orElseThrow(() -> error("match", "'" + name + "' is not one of external-id, email, phone")));
            }
            return List.copyOf(rules);
        }

        private OrderRules orders(Object value, EntityType type) {
            if (value == null) {
                return OrderRules.NONE;
            }
            if (type != EntityType.ORDERS || !(value instanceof Map<?, ?> map)) {
                throw error("orders", "only an orders mapping has order rules { cancellationPrefix, nonProductSkus }");
            }
            unknownKeys(map, ORDER_KEYS, "orders.");
            Set<String> skus = new TreeSet<>();
            if (map.get("nonProductSkus") instanceof Collection<?> codes) {
                codes.forEach(code -> skus.add(String.valueOf(code).strip().toUpperCase(Locale.ROOT)));
            }
            String prefix =
                    map.get("cancellationPrefix") == null ? null : String.valueOf(map.get("cancellationPrefix"));
            return new OrderRules(prefix, Set.copyOf(skus));
        }

        private Character delimiter(Object value) {
            if (value == null || "auto".equals(value)) {
                return null;
            }
            String text = String.valueOf(value);
            if ("\\t".equals(text) || "tab".equalsIgnoreCase(text)) {
                return '\t';
            }
            if (text.length() != 1 || text.charAt(0) == '"') {
                throw error("delimiter", "must be one character, 'tab' or 'auto'");
            }
            return text.charAt(0);
        }

        private ZoneId zone(String id) {
            try {
                return "UTC".equals(id) ? ZoneOffset.UTC : ZoneId.of(id);
            } catch (DateTimeException e) {
                throw error("zone", "'" + id + "' is not a time zone (e.g. Europe/London, UTC, +02:00)");
            }
        }

        private void unknownKeys(Map<?, ?> map, Set<String> known, String prefix) {
            for (Object key : map.keySet()) {
                if (!known.contains(String.valueOf(key))) {
                    throw error(prefix + key, "unknown key; known keys: " + new TreeSet<>(known));
                }
            }
        }

        private String requiredString(Map<?, ?> map, String key) {
            Object value = map.get(key);
            if (value == null) {
                throw error(key, "is required");
            }
            return String.valueOf(value);
        }

        private String string(Map<?, ?> map, String key, String fallback) {
            Object value = map.get(key);
            return value == null ? fallback : String.valueOf(value);
        }

        private InvalidMappingException error(String path, String problem) {
            return new InvalidMappingException("mapping " + origin + ", '" + path + "': " + problem);
        }

        private static String keys(Collection<? extends Enum<?>> values) {
            return values.stream()
                    .map(v -> v instanceof Field f ? f.key() : v.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
    }
}
