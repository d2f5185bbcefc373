package org.crmgraph.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Forecasts of series with known answers, and the error measures against values worked out by hand. */
class ForecasterTests {

    private static final int[] WEEK = {20, 22, 25, 24, 30, 60, 50};

    @Test
    void aSeasonalSeriesIsForecastToFollowItsSeason() {
        double[] y = new double[7 * 10];
        for (int t = 0; t < y.length; t++) {
            y[t] = WEEK[t % 7] + (t % 3 == 0 ? 1 : -1); // a little noise
        }
        var result = Forecaster.forecast(y, 14, 7);
        assertThat(result.model()).isIn("SEASONAL_NAIVE", "HOLT_WINTERS_DAMPED", "THETA");
        for (int k = 0; k < 14; k++) {
            assertThat(result.values()[k])
                    .as("day %d ahead follows the weekly pattern", k + 1)
                    .isCloseTo(WEEK[(y.length + k) % 7], within(4.0));
        }
        // the weekend peak is forecast as a peak
        assertThat(result.values()[(5 - y.length % 7 + 7) % 7])
                .isGreaterThan(result.values()[(0 - y.length % 7 + 7) % 7] + 20);
    }

    @Test
    void aTrendIsCarriedForward() {
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + 2 * t;
        }
        var result = Forecaster.forecast(y, 6, 12);
        // ARIMA(0,1,0) with drift is a straight line continued
        assertThat(result.model()).isIn("DAMPED_HOLT", "THETA", "HOLT_WINTERS_DAMPED", "ARIMA");
        assertThat(result.values()[0]).as("the next value of 10 + 2t").isCloseTo(90, within(3.0));
        assertThat(result.values()[5]).isGreaterThan(result.values()[0]);
        assertThat(result.lower95()[0]).isLessThanOrEqualTo(result.values()[0]);
        assertThat(result.upper95()[0]).isGreaterThanOrEqualTo(result.upper80()[0]);
    }

    @Test
    void anIntermittentSeriesGetsAMethodForIntermittentDemandAndAFlatRate() {
        double[] y = new double[60];
        for (int t = 3; t < y.length; t += 5) {
            y[t] = 5;
        }
        var result = Forecaster.forecast(y, 10, 7);
        assertThat(result.intermittent()).isTrue();
        assertThat(result.model()).isIn("CROSTON_SBA", "SES", "SEASONAL_NAIVE");
        double perPeriod = 5.0 / 5;
        if (!result.model().equals("SEASONAL_NAIVE")) {
            assertThat(result.values()[0]).isCloseTo(perPeriod, within(0.6));
        }
        assertThat(java.util.Arrays.stream(result.lower80())).allMatch(v -> v >= 0);
    }

    @Test
    void aSeriesWithNoSalesIsForecastAsNoSales() {
        var result = Forecaster.forecast(new double[12], 4, 12);
        assertThat(result.model()).isEqualTo("NO_SALES");
        assertThat(result.values()).containsOnly(0.0);
        assertThat(result.upper95()).containsOnly(0.0);
        assertThat(Forecaster.forecast(new double[0], 3, 7).values()).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void aProductThatSoldOnceLongAgoIsNotForecastToSellEveryPeriod() {
        double[] y = new double[20];
        y[0] = 3;
        var result = Forecaster.forecast(y, 8, 7);
        double total = 0;
        for (double value : result.values()) {
            total += value;
        }
        assertThat(total).as("%s forecast %s", result.model(), total).isLessThan(1.5);
    }

    @Test
    void forecastsAndBoundsAreNeverNegative() {
        double[] y = {50, 40, 30, 20, 10, 5, 2, 1, 0, 0, 0, 0};
        var result = Forecaster.forecast(y, 6, 12);
        assertThat(java.util.Arrays.stream(result.values())).allMatch(v -> v >= 0);
        assertThat(java.util.Arrays.stream(result.lower95())).allMatch(v -> v >= 0);
    }

    @Test
    void maseAndSmapeMatchValuesWorkedOutByHand() {
        // in-sample lag-1 naive errors are all 1, so MASE is the plain mean absolute error: (1 + 2) / 2
        assertThat(Accuracy.mase(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7}, new double[] {5, 5}, 12))
                .isCloseTo(1.5, within(1e-12));
        // with a season of 2 the scale is |3-1|, |4-2|, |5-3| = 2
        assertThat(Accuracy.mase(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7}, new double[] {5, 5}, 2))
                .isCloseTo(0.75, within(1e-12));
        assertThat(Accuracy.mase(new double[] {4, 4, 4}, new double[] {4}, new double[] {3}, 1))
                .isNaN();
        assertThat(Accuracy.smape(new double[] {100}, new double[] {110})).isCloseTo(200.0 * 10 / 210, within(1e-9));
        assertThat(Accuracy.smape(new double[] {0, 10}, new double[] {0, 10})).isZero();
    }

    @Test
    void crostonSbaMatchesTheRecursionWorkedOutByHand() {
        // demands 3 (after 2 periods), 2 (after 3), 4 (after 2); alpha 0.1:
        // size 3 -> 2.9 -> 3.01, interval 2 -> 2.1 -> 2.09; SBA = (1 - 0.05) * 3.01 / 2.09
        assertThat(Croston.sba(new double[] {0, 3, 0, 0, 2, 0, 4}, 0.1)).isCloseTo(0.95 * 3.01 / 2.09, within(1e-12));
        assertThat(Croston.sba(new double[] {0, 0}, 0.1)).isZero();
    }

    @Test
    void seasonalIndicesOfAPureSeasonAreThatSeasonAroundZero() {
        double[] y = new double[28];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + WEEK[t % 7];
        }
        double mean = 0;
        for (int value : WEEK) {
            mean += value / 7.0;
        }
        double[] indices = Decomposition.additiveIndices(y, 7);
        for (int i = 0; i < 7; i++) {
            assertThat(indices[i]).isCloseTo(WEEK[i] - mean, within(1e-9));
        }
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirst() {
        assertThat(Granularity.WEEK.start(LocalDate.parse("2026-12-06"))).isEqualTo("2026-11-30");
        assertThat(Granularity.WEEK.start(LocalDate.parse("2026-11-30"))).isEqualTo("2026-11-30");
        assertThat(Granularity.MONTH.start(LocalDate.parse("2026-02-28"))).isEqualTo("2026-02-01");
        assertThat(Granularity.WEEK.between(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-14")))
                .isEqualTo(2);
        assertThat(Granularity.MONTH.plus(LocalDate.parse("2026-12-01"), 1)).isEqualTo("2027-01-01");
    }
}
