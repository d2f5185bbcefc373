package org.crmgraph.importer.clean;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads date-times in the ISO-8601 forms and in a mapping's own patterns, and returns them in UTC.
 * A value with an offset or zone keeps its instant; a local one is read in the mapping's zone; a
 * date alone is the start of that day there. The pattern that matched last is tried first, since
 * a file writes all its dates one way.
 */
final class DateTimes {

    private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffsetId()
            .optionalEnd()
            .optionalStart()
            .appendLiteral('[')
            .appendZoneRegionId()
            .appendLiteral(']')
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private final ZoneId zone;
    private final List<DateTimeFormatter> formatters = new ArrayList<>();
    private int last;

    DateTimes(ZoneId zone, List<String> patterns) {
        this.zone = zone;
        formatters.add(ISO_LOCAL);
        formatters.add(DateTimeFormatter.ISO_LOCAL_DATE);
        for (String pattern : patterns) {
            formatters.add(new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern(pattern)
                    .toFormatter(Locale.ENGLISH));
        }
    }

    Cleaned parse(String text) {
        for (int i = 0; i < formatters.size(); i++) {
            int index = (last + i) % formatters.size();
            try {
                OffsetDateTime value = toUtc(formatters.get(index).parse(text));
                last = index;
                return Cleaned.of(value);
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        return Cleaned.invalid("not a date-time in ISO-8601 or the mapping's formats");
    }

    /**
     * A calendar date: ISO-8601 ({@code 1956-04-09}), basic ISO ({@code 19560409}) or the mapping's formats. A
     * date that does not exist (30 February) or lies in the future is invalid.
     */
    Cleaned parseDate(String text) {
        List<DateTimeFormatter> dates = new ArrayList<>(formatters.size() + 1);
        dates.add(DateTimeFormatter.ISO_LOCAL_DATE);
        dates.add(DateTimeFormatter.BASIC_ISO_DATE);
        dates.addAll(formatters.subList(2, formatters.size()));
        for (DateTimeFormatter formatter : dates) {
            try {
                // the two ISO forms resolve strictly (no 30 February); the mapping's patterns as Java does by default
                LocalDate date = LocalDate.from(formatter.parse(text));
                if (date.isAfter(LocalDate.now(ZoneOffset.UTC))) {
                    return Cleaned.invalid("a date in the future");
                }
                return Cleaned.of(date);
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        return Cleaned.invalid("not a date in ISO-8601 (yyyy-MM-dd), yyyyMMdd or the mapping's formats");
    }

    private OffsetDateTime toUtc(TemporalAccessor parsed) {
        LocalDate date = LocalDate.from(parsed);
        LocalDateTime local = parsed.isSupported(ChronoField.HOUR_OF_DAY)
                ? LocalDateTime.of(date, java.time.LocalTime.from(parsed))
                : date.atStartOfDay();
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return local.atOffset(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                    .withOffsetSameInstant(ZoneOffset.UTC);
        }
        return local.atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
