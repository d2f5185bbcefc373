package org.crmgraph.analytics.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The length of a forecast's periods: days, ISO weeks (from Monday) or calendar months, with their season. */
public enum Granularity {
    DAY(7, 366),
    WEEK(52, 104),
    MONTH(12, 36);

    private final int season;
    private final int maxHorizon;

    Granularity(int season, int maxHorizon) {
        this.season = season;
        this.maxHorizon = maxHorizon;
    }

    /** Periods in one season: a week of days, a year of weeks or months. */
    public int season() {
        return season;
    }

    /** The longest horizon asked for: about a year ahead (three for months). */
    public int maxHorizon() {
        return maxHorizon;
    }

    /** The first day of the period {@code day} falls in. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The start of the period {@code periods} after the one starting at {@code start}. */
    public LocalDate plus(LocalDate start, long periods) {
        return switch (this) {
            case DAY -> start.plusDays(periods);
            case WEEK -> start.plusWeeks(periods);
            case MONTH -> start.plusMonths(periods);
        };
    }

    /** Whole periods from the period starting at {@code from} to the one starting at {@code to}. */
    public int between(LocalDate from, LocalDate to) {
        return (int)
                switch (this) {
                    case DAY -> ChronoUnit.DAYS.between(from, to);
                    case WEEK -> ChronoUnit.WEEKS.between(from, to);
                    case MONTH -> ChronoUnit.MONTHS.between(from, to);
                };
    }
}
