package org.crmgraph.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ArimaTests {

    @Test
    void anAutoregressiveSeriesIsFittedAsOneAndItsForecastReturnsToTheMean() {
        // y_t = 10 + 0.7 (y_{t-1} - 10) + e_t
        Random random = new Random(1);
        double[] y = new double[400];
        y[0] = 10;
        for (int t = 1; t < y.length; t++) {
            y[t] = 10 + 0.7 * (y[t - 1] - 10) + random.nextGaussian();
        }
        y[y.length - 1] = 14; // end well above the mean

        Arima model = Arima.fit(y);

        assertThat(model.d()).isZero();
        assertThat(model.ar()).isNotEmpty();
        assertThat(model.ar()[0]).isCloseTo(0.7, within(0.15));
        assertThat(model.mean()).isCloseTo(10, within(0.5));
        double[] forecast = model.forecast(20);
        // the first step keeps most of the excess, the last has forgotten it
        assertThat(forecast[0]).isCloseTo(10 + model.ar()[0] * 4, within(0.6));
        assertThat(forecast[19]).isCloseTo(model.mean(), within(0.2));
    }

    @Test
    void aStraightLineIsDifferencedAndContinuedByItsDrift() {
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + 2 * t;
        }
        Arima model = Arima.fit(y);
        assertThat(model.d()).isEqualTo(1);
        assertThat(model.forecast(3)).containsExactly(new double[] {90, 92, 94}, within(1e-6));
    }

    @Test
    void aRandomWalkIsDifferencedAndForecastFlatAtItsLastValue() {
        Random random = new Random(2);
        double[] y = new double[300];
        for (int t = 1; t < y.length; t++) {
            y[t] = y[t - 1] + random.nextGaussian();
        }

        Arima model = Arima.fit(y);

        assertThat(model.d()).isEqualTo(1);
        for (double value : model.forecast(10)) {
            assertThat(value).isCloseTo(y[y.length - 1], within(1.0));
        }
    }

    @Test
    void refusesParametersOutsideTheStationaryRegionAndShortSeries() {
        assertThat(Arima.admissible(new double[] {0.5})).isTrue();
        assertThat(Arima.admissible(new double[] {1.0})).isFalse();
        assertThat(Arima.admissible(new double[] {0.5, 0.3})).isTrue();
        assertThat(Arima.admissible(new double[] {0.8, 0.3})).isFalse();
        assertThat(Arima.fit(new double[] {1, 2, 3})).isNull();
        // a flat series has nothing to fit but its level
        double[] flat = new double[20];
        java.util.Arrays.fill(flat, 5);
        assertThat(Arima.fit(flat).forecast(3)).containsOnly(5.0);
    }
}
