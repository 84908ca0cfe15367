package org.softglass.core.barriers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.softglass.core.params.ModelParameters;

class RhoInversionTest {
    static final ModelParameters.Barriers B = new ModelParameters.Barriers(7.5, -0.9, 0.02, 8.7, 0.86);

    /** Independent forward check: P_T(S) ∝ ϱ(S)/P(R|S,T) integrated numerically, then inverted. */
    @Test
    void invertsTheEquilibriumOfTheTrapModel() {
        double s0 = -0.4, sig0 = 1.3, t = 0.55;
        double z = 0, m1 = 0, m2 = 0, h = 1e-3;
        for (double s = -15; s <= 15; s += h) {
            double w = Math.exp(-(s - s0) * (s - s0) / (2 * sig0 * sig0) - B.logProbability(s, t));
            z += w; m1 += w * s; m2 += w * s * s;
        }
        double mean = m1 / z, std = Math.sqrt(m2 / z - mean * mean);
        var rho = RhoInversion.rho(mean, std, B, t);
        // the Riemann sum of a smooth Gaussian over ±10σ converges spectrally: round-off level
        assertEquals(s0, rho.s0(), 1e-9);
        assertEquals(sig0, rho.sigma0(), 1e-9);
        // above T0 the measured distribution is ϱ itself
        var above = RhoInversion.rho(0.3, 1.1, B, 0.9);
        assertEquals(0.3, above.s0(), 0);
        assertEquals(1.1, above.sigma0(), 1e-15);
    }

    @Test
    void refusesAnImpossibleWidth() {
        var strong = new ModelParameters.Barriers(7.5, -0.9, -2, 8.7, 0.86);   // δ < 0 below T0
        assertThrows(IllegalArgumentException.class, () -> RhoInversion.rho(0, 1, strong, 0.3));
    }
}
