package org.softglass.core.trap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The exact stochastic simulation of M independent sites against the quadrature and the master equation. */
class SiteSimulationTest {
    static final TrapModel KA = TrapModelTest.KA;

    @Test
    void overlapAgreesWithQuadratureWithinSamplingError() {
        int sites = 200_000;
        Relaxation r = new Relaxation(KA, 0.45);
        double tauQ = r.timeAt(Math.exp(-1));
        double[] times = org.softglass.core.util.Grids.logSpaced(1e-3 * tauQ, 1e3 * tauQ, 25);
        double[] mc = SiteSimulation.overlap(KA, 0.45, sites, 42, times);
        for (int j = 0; j < times.length; j++) {
            double q = r.overlap(times[j]);
            // binomial standard error sqrt(Q(1-Q)/M); 4.5 sigma over 25 (correlated) times
            double sigma = Math.sqrt(q * (1 - q) / sites);
            assertEquals(q, mc[j], 4.5 * sigma + 1e-12, "t/tauQ=" + times[j] / tauQ);
        }
    }

    @Test
    void agingMeanSoftnessAgreesWithTheMasterEquation() {
        int sites = 20_000;
        AgingSolver.Result me = new AgingSolver(KA, 1.0, 0.55, 2000).run(1, 1e5, 4, 50, 0, null, null);
        SiteSimulation.Aging mc = SiteSimulation.aging(KA, 1.0, 0.55, sites, 7, me.times());
        for (int j = 0; j < me.times().length; j++) {
            // sigma = sd(S)/sqrt(M) ≈ 1/sqrt(20000) = 0.007; the master equation's own error (bins and
            // steps, ~1e-5) is negligible beside it; 4.5 sigma over 21 correlated times
            assertEquals(me.meanS()[j], mc.mean()[j], 4.5 * mc.stdError()[j], "t_w=" + me.times()[j]);
        }
        assertTrue(mc.rearrangements() > sites, "sites rearranged: " + mc.rearrangements());
    }

    @Test
    void longRunsReachTheEquilibriumOfEq10() {
        int sites = 20_000;
        // T_F = 0.7: tau_Q ≈ 40, equilibrated (master equation: within 1e-6 of eq 10) well before 1e5
        SiteSimulation.Aging mc = SiteSimulation.aging(KA, 1.0, 0.7, sites, 3, new double[] {1e5});
        assertEquals(KA.meanS(0.7), mc.mean()[0], 4.5 * mc.stdError()[0]);
    }

    @Test
    void seededAndReproducible() {
        double[] t = {1, 10, 100};
        assertArrayEquals(SiteSimulation.overlap(KA, 0.5, 1000, 5, t), SiteSimulation.overlap(KA, 0.5, 1000, 5, t));
        assertFalse(Arrays.equals(SiteSimulation.overlap(KA, 0.5, 1000, 5, t), SiteSimulation.overlap(KA, 0.5, 1000, 6, t)));
        assertArrayEquals(SiteSimulation.aging(KA, 1, 0.5, 500, 9, t).mean(), SiteSimulation.aging(KA, 1, 0.5, 500, 9, t).mean());
    }
}
