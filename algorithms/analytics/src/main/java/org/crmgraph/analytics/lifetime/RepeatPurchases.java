package org.crmgraph.analytics.lifetime;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One customer's purchases as the repeat-purchase models see them, in weeks: purchases on the same day are one
 * purchase, and the first purchase is not a repeat.
 *
 * @param customerId      the customer
 * @param repeats         purchase days after the first ({@code x} in the papers)
 * @param recency         weeks from the first purchase to the last ({@code t_x}; 0 without repeats)
 * @param age             weeks from the first purchase to the end of observation ({@code T})
 * @param meanRepeatValue the average value of a repeat purchase day (0 without repeats)
 * @param firstValue      the value of the first purchase day
 */
public record RepeatPurchases(
        String customerId, int repeats, double recency, double age, double meanRepeatValue, double firstValue) {

    /**
     * A customer's purchases from its purchase days (ascending, at least one) and each day's value, seen from
     * {@code end} (the day after the last one observed).
     */
    public static RepeatPurchases fromDays(String id, List<LocalDate> days, List<Double> values, LocalDate end) {
        LocalDate first = days.getFirst();
        int repeats = days.size() - 1;
        double repeatValue = 0;
        for (int i = 1; i < values.size(); i++) {
            repeatValue += values.get(i);
        }
        return new RepeatPurchases(
                id,
                repeats,
                ChronoUnit.DAYS.between(first, days.getLast()) / 7.0,
                ChronoUnit.DAYS.between(first, end) / 7.0,
                repeats == 0 ? 0 : repeatValue / repeats,
                values.getFirst());
    }

    public RepeatPurchases {
        if (repeats < 0 || recency < 0 || age < recency) {
            throw new IllegalArgumentException("customer " + customerId
                    + ": needs repeats >= 0 and 0 <= recency <= age, was " + repeats + ", " + recency + ", " + age);
        }
    }
}
