package org.crmgraph.analytics.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HypergeometricTests {

    @Test
    void matchesTheClosedFormsOfSpecialCases() {
        for (double z : new double[] {0, 0.1, 0.5, 0.9, 0.99}) {
            // 2F1(1, 1; 2; z) = -ln(1 - z) / z
            double log = z == 0 ? 1 : -Math.log(1 - z) / z;
            assertThat(Hypergeometric.gauss(1, 1, 2, z)).isCloseTo(log, within(1e-10));
            // 2F1(a, b; b; z) = (1 - z)^-a
            assertThat(Hypergeometric.gauss(0.7, 2.5, 2.5, z)).isCloseTo(Math.pow(1 - z, -0.7), within(1e-9));
        }
        // 2F1(1/2, 1/2; 3/2; s^2) = arcsin(s) / s
        double s = 0.8;
        assertThat(Hypergeometric.gauss(0.5, 0.5, 1.5, s * s)).isCloseTo(Math.asin(s) / s, within(1e-12));
    }

    @Test
    void refusesWhereTheSeriesDiverges() {
        assertThatThrownBy(() -> Hypergeometric.gauss(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric.gauss(1, 1, 2, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
