package org.crmgraph.graph.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.cypher.CypherScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.DigestUtils;

/**
 * Versioned schema changes, applied once each at start-up: {@code db/migrations/V<n>__<what>.cypher}
 * files, statements separated by semicolons. Applied versions are recorded as
 * {@code (:__CrmMigration)} nodes, so a restart or a second service instance applies nothing twice;
 * each statement is idempotent ({@code IF NOT EXISTS}) so two instances starting together are safe.
 */
public class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(.+)\\.cypher");

    private static final String APPLIED = """
            MATCH (m:__CrmMigration) RETURN m.version AS version
            """;
    private static final String RECORD = """
            MERGE (m:__CrmMigration {version: $version})
            ON CREATE SET m.description = $description, m.checksum = $checksum, m.appliedAt = datetime()
            """;

    private final CypherRunner cypher;
    private final String location;

    public SchemaMigrations(CypherRunner cypher) {
        this(cypher, "classpath*:db/migrations/*.cypher");
    }

    SchemaMigrations(CypherRunner cypher, String location) {
        this.cypher = cypher;
        this.location = location;
    }

    public record Migration(int version, String description, String checksum, List<String> statements) {}

    /** Applies what is missing and returns the versions applied now. */
    public List<Integer> apply() {
        Set<Integer> applied = cypher
                .read(APPLIED, Map.of(), r -> r.get("version").asInt())
                .stream()
                .collect(Collectors.toSet());
        List<Integer> now = new java.util.ArrayList<>();
        for (Migration migration : discover()) {
            if (applied.contains(migration.version())) {
                continue;
            }
            migration.statements().forEach(cypher::runSchemaCommand);
            cypher.write(
                    RECORD,
                    Map.of(
                            "version", migration.version(),
                            "description", migration.description(),
                            "checksum", migration.checksum()));
            log.info("Applied schema migration V{} ({})", migration.version(), migration.description());
            now.add(migration.version());
        }
        return now;
    }

    public List<Migration> discover() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location);
            return Arrays.stream(resources)
                    .map(SchemaMigrations::parse)
                    .sorted(Comparator.comparingInt(Migration::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list schema migrations at " + location, e);
        }
    }

    private static Migration parse(Resource resource) {
        String name = resource.getFilename();
        Matcher matcher = FILE_NAME.matcher(name == null ? "" : name);
        if (!matcher.matches()) {
            throw new IllegalStateException("Migration file " + name + " is not named V<number>__<description>.cypher");
        }
        try {
            String text = resource.getContentAsString(StandardCharsets.UTF_8);
            return new Migration(
                    Integer.parseInt(matcher.group(1)),
                    matcher.group(2).replace('_', ' '),
                    DigestUtils.md5DigestAsHex(text.getBytes(StandardCharsets.UTF_8)),
                    CypherScripts.statements(text));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migration " + name, e);
        }
    }
}
