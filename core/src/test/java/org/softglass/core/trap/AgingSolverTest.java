package org.softglass.core.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/** The master equation (eq 5): detailed balance, stationarity, exact limits and convergence in Δ and h. */
class AgingSolverTest {
    static final TrapModel KA = TrapModelTest.KA;

    /** ⟨S⟩ of the discrete stationary state and of eq 7 integrated exactly over the same bins. */
    static double[] stationaryVsEq7(int bins, double temp) {
        AgingSolver a = new AgingSolver(KA, 1.0, temp, bins);
        double[] p = a.stationary(temp), s = a.centers();
        double mu = KA.meanS(temp), sd = Math.sqrt(KA.varS(temp)), w = a.binWidth(), c = 1 / (Math.sqrt(2) * sd);
        double mDisc = 0, mExact = 0, maxDiff = 0, maxP = 0;
        for (int i = 0; i < p.length; i++) {
            double exact = 0.5 * Erf.erf((s[i] - w / 2 - mu) * c, (s[i] + w / 2 - mu) * c);
            mDisc += s[i] * p[i];
            mExact += s[i] * exact;
            maxDiff = Math.max(maxDiff, Math.abs(p[i] - exact));
            maxP = Math.max(maxP, exact);
        }
        return new double[] {mDisc - mExact, maxDiff / maxP, w};
    }

    @Test
    void stationarySolutionIsEq7ToDiscretisationAccuracy() {
        double[] e1 = stationaryVsEq7(1000, 0.47), e2 = stationaryVsEq7(2000, 0.47), e4 = stationaryVsEq7(4000, 0.47);
        // p_i ∝ r_i/k(s_i) samples 1/k at the bin centre; eq 7 averages it over the bin: a relative
        // error (Δ²/24)[(ln k)'² − (ln k)''] per bin, i.e. second order. Check the order (ratio 4 per
        // halving, within 10%) and the size: (Δ²/24)(γ² + 2δ) ≈ 1e-5 relative at 2000 bins.
        assertEquals(4.0, e1[1] / e2[1], 0.4);
        assertEquals(4.0, e2[1] / e4[1], 0.4);
        assertEquals(4.0, e1[0] / e2[0], 0.4);
        double g = KA.gamma(0.47), d = KA.delta(0.47);
        assertTrue(e2[1] < 2 * e2[2] * e2[2] / 24 * (g * g + 2 * d) * 10, "max relative deviation " + e2[1]);
        assertTrue(Math.abs(e2[0]) < 2e-5, "mean deviation " + e2[0]);
    }

    @Test
    void startedFromEquilibriumItStaysThere() {
        AgingSolver a = new AgingSolver(KA, 0.47, 0.47, 2000);
        double[] p0 = a.stationary(0.47);
        AgingSolver.Result r = a.run(1e-2, 1e8, 5, 40, 5, null, null);
        // a constant flux is integrated exactly: only round-off, ~1e-16 per step over ~2000 steps
        for (double m : r.meanS()) assertEquals(r.meanS()[0], m, 1e-13);
        double[] last = r.snapshots().get(r.snapshots().size() - 1).density();
        for (int i = 0; i < p0.length; i++) assertEquals(p0[i], last[i] * a.binWidth(), 1e-13 + 1e-11 * p0[i]);
        assertTrue(r.maxMassDefect() < 1e-13);
    }

    @Test
    void quenchAboveOnsetIsExactlyExponential() {
        // T_F >= T0: k is S-independent, J = k, so p(t) = p0 e^{-kt} + r(1 - e^{-kt}) exactly
        AgingSolver a = new AgingSolver(KA, 0.45, 1.0, 2000);
        double[] s = a.centers(), r = a.rhoMasses(), p0 = a.stationary(0.45);
        double m0 = 0, mr = 0;
        for (int i = 0; i < s.length; i++) { m0 += s[i] * p0[i]; mr += s[i] * r[i]; }
        double k = KA.rate(0, 1.0);
        AgingSolver.Result res = a.run(1e-3, 1e2, 10, 10, 0, null, null);
        for (int j = 0; j < res.times().length; j++) {
            double e = Math.exp(-k * res.times()[j]);
            assertEquals(m0 * e + mr * (1 - e), res.meanS()[j], 1e-12, "t=" + res.times()[j]);
        }
    }

    @Test
    void secondOrderInTheTimeStepAndAccurateAtTheDefault() {
        double[] ref = new AgingSolver(KA, 1.0, 0.47, 500).run(1, 1e10, 10, 160, 0, null, null).meanS();
        double[] err = new double[3];
        int[] perOutput = {5, 10, 20};
        for (int c = 0; c < 3; c++) {
            double[] m = new AgingSolver(KA, 1.0, 0.47, 500).run(1, 1e10, 10, perOutput[c], 0, null, null).meanS();
            for (int j = 0; j < m.length; j++) err[c] = Math.max(err[c], Math.abs(m[j] - ref[j]));
        }
        // error ∝ h²: 4 per doubling of steps (within 25%); the default 200 steps per decade is
        // accurate to ~1e-6 in <S> (measured 1.3e-6 against 1600 per decade)
        assertEquals(4.0, err[0] / err[1], 1.0);
        assertEquals(4.0, err[1] / err[2], 1.0);
        assertTrue(err[2] < 5e-6, "200 steps/decade: " + err[2]);
    }

    @Test
    void seriesAndClosedFormMeetAtTheSwitch() {
        // a = (1 - e^-z)/z and b = (z - 1 + e^-z)/z^2 just below and above z = 0.05 (relative 1e-12 apart)
        double[] k = {0.05 * (1 - 1e-12), 0.05 * (1 + 1e-12)}, r = {1, 1}, p = {1, 1};
        double[] e = new double[2], pa = new double[2], pb = new double[2], t = new double[3];
        AgingSolver.coefficients(k, r, p, 1.0, e, pa, pb, 0, 2, t);
        assertEquals(pb[0], pb[1], 1e-12 * pb[0]);
        assertEquals(pa[0], pa[1], 1e-12 * pa[0]);
        // and both agree with the closed forms in higher precision (BigDecimal-free check: z = 0.01 by series vs expm1)
        double z = 0.01, em = Math.expm1(-z);
        AgingSolver.coefficients(new double[] {z}, r, p, 1.0, e, pa, pb, 0, 1, t);
        assertEquals((z + em) / (z * z), pb[0], 1e-11);
        assertEquals(-em / z - (z + em) / (z * z), pa[0], 1e-11);
    }

    @Test
    void agingReachesTheFinalEquilibriumAndLowersS() {
        AgingSolver a = new AgingSolver(KA, 1.0, 0.6, 2000);
        double[] pF = a.stationary(0.6), s = a.centers();
        double mF = 0;
        for (int i = 0; i < s.length; i++) mF += s[i] * pF[i];
        AgingSolver.Result r = a.run(1, 1e10, 10, 20, 10, null, null);
        double[] m = r.meanS();
        for (int j = 1; j < m.length; j++) assertTrue(m[j] <= m[j - 1] + 1e-12, "<S> decreases monotonically after the quench");
        // tau_Q(0.6) ≈ 224: after 1e10 the slowest bins (rates > e^-20 in the grid) have relaxed
        assertEquals(mF, m[m.length - 1], 1e-9);
        assertEquals(KA.meanS(0.6), m[m.length - 1], 2e-5);   // discretisation, as in the stationary test
        assertTrue(r.maxMassDefect() < 1e-6);
        assertEquals(11, r.snapshots().size());
    }
}
