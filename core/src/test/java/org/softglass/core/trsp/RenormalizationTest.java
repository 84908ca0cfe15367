package org.softglass.core.trsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;

class RenormalizationTest {

    @Test
    void bareInvertsObserved() {
        Renormalization obs = new Renormalization(-7.2, 0.8, 0.02);
        for (double c : new double[]{1, 0.43, 0.7}) {
            Renormalization bare = Renormalization.bare(obs, -1.1, 1.0, c, 12);
            Renormalization back = Renormalization.observed(bare, -1.1, 1.0, c, 12);
            assertEquals(obs.logA(), back.logA(), 1e-12);
            assertEquals(obs.gamma(), back.gamma(), 1e-12);
            assertEquals(obs.delta(), back.delta(), 1e-14);
        }
        Renormalization single = Renormalization.bare(obs, -1.1, 1.0, 1, 1);
        assertEquals(obs, single);
    }

    /** The closed form against direct numerical integration of z ∫ P0(m0 + cS + √v x) φ(x) dx (eq D2). */
    @Test
    void observedRateIsTheGaussianIntegral() {
        Renormalization bare = new Renormalization(-6.0, 1.78, 0.097);
        double mu = -0.9, s2 = 1.0, c = 0.4336, v = c * (1 - c) * s2;
        Renormalization obs = Renormalization.observed(bare, mu, s2, c, 12);
        var integ = new IterativeLegendreGaussIntegrator(32, 1e-13, 1e-13);
        for (double s : new double[]{-3, -1, 0, 1.5}) {
            double mean = (1 - c) * mu + c * s;
            double val = 12 * integ.integrate(100000, x -> Math.exp(bare.logRate(mean + Math.sqrt(v) * x) - x * x / 2) / Math.sqrt(2 * Math.PI), -12, 12);
            assertEquals(Math.log(val), obs.logRate(s), 1e-9, "S = " + s); // quadrature converged to 1e-13
        }
    }
}
