package org.crmgraph.importer.mapping;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.crmgraph.importer.read.RowSources.Format;

/**
 * Says how rows of one kind of export become graph entities. Loaded from YAML or JSON (see
 * {@link MappingLoader}; the built-in ones are in {@code import-mappings/} on the classpath).
 *
 * @param source         the source system's name; provenance keys are {@code source:id}
 * @param zone           the time zone of date-times written without an offset
 * @param defaultCountry ISO code used to read phone numbers written without a country prefix
 * @param match          identity rules, in the order they are tried
 */
public record ImportMapping(
        String name,
        String description,
        EntityType type,
        String source,
        Format format,
        Character delimiter,
        ZoneId zone,
        String defaultCountry,
        List<MatchRule> match,
        Map<Field, FieldRule> fields,
        OrderRules orders) {

    /** Letters, digits, '.', '_' or '-': a source prefixes provenance keys. */
    public static final String SOURCE_PATTERN = "[A-Za-z0-9._-]{1,64}";

    /** The same mapping for another source system. */
    public ImportMapping withSource(String newSource) {
        if (newSource == null || !newSource.matches(SOURCE_PATTERN)) {
            throw new InvalidMappingException("source '" + newSource
                    + "': use 1 to 64 letters, digits, '.', '_' or '-' (it prefixes provenance keys)");
        }
        return new ImportMapping(
                name, description, type, newSource, format, delimiter, zone, defaultCountry, match, fields, orders);
    }

    public FieldRule rule(Field field) {
        return fields.get(field);
    }

    public boolean maps(Field field) {
        return fields.containsKey(field);
    }
}
