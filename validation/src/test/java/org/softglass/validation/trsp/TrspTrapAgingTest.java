package org.softglass.validation.trsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softglass.core.trsp.SoftnessRecorder;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;

/**
 * Aging in the trap limit (see {@link TrspTrapLimitTest}; parameters {@code TrspChecks.trapParameters()}): quenched from the equilibrium of T_I = 0.6
 * (S ~ N(μ(T_I), σ²)) and evolved at T_F = 0.45, the sites are independent traps, so the distribution
 * obeys the trap master equation (000 eq 5) ∂P/∂t = −k(S)P + ϱ_F(S) ∫k(S')P(S')dS' with the reset
 * distribution ϱ_F = N(μ_F + γ_F σ², σ²) = P(S|R) at T_F. ⟨S(t)⟩ of the simulation must follow
 * ∫ S P(S, t) dS. The master equation is integrated here on a grid (801 points over ±8σ around the
 * two means) with exact exponential decay per step and re-injection of the outflow (steps of
 * 0.02/k_max, first-order splitting error below 1e-4 in ⟨S⟩).
 */
class TrspTrapAgingTest {

    @Test
    void meanSoftnessFollowsTheTrapMasterEquation() {
        double tI = 0.6, tF = 0.45, s2 = 0.8;
        var p = org.softglass.validation.TrspChecks.trapParameters();
        TrspModel mI = TrspModel.of(p, tI, 10, 1, 1.0), m = TrspModel.of(p, tF, 10, 1, 1.0);
        var kicks = TrspEnsemble.kicks(m, 1e-3);
        double tEnd = 3e5;
        double[] times = org.softglass.core.util.Grids.logSpaced(100, tEnd, 12);
        int traj = 8;
        var runs = TrspEnsemble.run(m, kicks, mI.mu(), traj, 77, tEnd, times, new TrspEnsemble.Recorders() {
            public org.softglass.core.trsp.OverlapRecorder overlap() { return null; }
            public SoftnessRecorder softness() { return new SoftnessRecorder(m.lattice(), 0, -4, 2, 1); }
        }, 2, null);
        // master equation on a grid
        double lo = Math.min(mI.mu(), m.mu()) - 8 * Math.sqrt(s2), hi = Math.max(mI.mu(), m.mu() + m.observed().gamma() * s2) + 8 * Math.sqrt(s2);
        int g = 801;
        double h = (hi - lo) / (g - 1);
        double[] s = new double[g], pr = new double[g], rho = new double[g], k = new double[g];
        double muR = m.mu() + m.observed().gamma() * s2, norm = 0, normR = 0, kMax = 0;
        for (int i = 0; i < g; i++) {
            s[i] = lo + i * h;
            pr[i] = Math.exp(-Math.pow(s[i] - mI.mu(), 2) / (2 * s2));
            rho[i] = Math.exp(-Math.pow(s[i] - muR, 2) / (2 * s2));
            k[i] = Math.exp(m.observed().logRate(s[i])) / m.tauR();
            norm += pr[i];
            normR += rho[i];
            kMax = Math.max(kMax, k[i]);
        }
        for (int i = 0; i < g; i++) { pr[i] /= norm; rho[i] /= normR; }
        double dt = 0.02 / kMax, t = 0;
        double[] decay = new double[g];
        for (int i = 0; i < g; i++) decay[i] = Math.exp(-k[i] * dt);
        for (int ti = 0; ti < times.length; ti++) {
            while (t + dt <= times[ti]) {
                double out = 0;
                for (int i = 0; i < g; i++) { double o = pr[i] * (1 - decay[i]); out += o; pr[i] -= o; }
                for (int i = 0; i < g; i++) pr[i] += out * rho[i];
                t += dt;
            }
            double mean = 0;
            for (int i = 0; i < g; i++) mean += s[i] * pr[i];
            double[] v = new double[traj];
            for (int r = 0; r < traj; r++) v[r] = runs.get(r).softness().series().get(ti)[1];
            double avg = 0, var = 0;
            for (double x : v) avg += x / traj;
            for (double x : v) var += (x - avg) * (x - avg) / (traj - 1);
            double se = Math.sqrt(var / traj);
            // 4σ from the spread of 8 independent trajectories of N = 1000 sites; plus the time-grid
            // mismatch of the integrator (≤ dt late, ⟨S⟩ changes by < 1e-4 per dt)
            assertTrue(Math.abs(avg - mean) < 4 * se + 1e-4, String.format("⟨S(%.0f)⟩ = %.4f ± %.4f vs master equation %.4f", times[ti], avg, se, mean));
        }
        double last = runs.getFirst().softness().series().getLast()[1];
        assertTrue(last < mI.mu() - 0.3, "the quench must age ⟨S⟩ down from " + mI.mu() + ", got " + last);
    }
}
