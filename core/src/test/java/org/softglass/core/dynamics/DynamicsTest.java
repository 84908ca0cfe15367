package org.softglass.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.space.Box;

/** F_s, MSD, τ_α, S(q), the mesoelastic fit and rank correlation on hand-made data with known values. */
class DynamicsTest {

    /**
     * Ballistic trajectory: particle i moves with speed v_i along a fixed random unit vector, so
     * |Δr| = v_i t for every origin. Then MSD(t) = ⟨v²⟩ t² and F_s(q,t) = ⟨sin(q v t)/(q v t)⟩ exactly;
     * the estimators must reproduce them to round-off (1e-12 relative).
     */
    @Test
    void ballisticTrajectoryGivesKnownFsAndMsd() {
        int n = 200, frames = 60;
        double dt = 0.05, q = 7.25;
        double[] speeds = {0.3, 0.5, 1.1};
        SplittableRandom rnd = new SplittableRandom(1);
        Box box = Box.cubic(10);
        int[] species = new int[n];
        double[][] pos = new double[frames][3 * n];
        double[][] u = new double[n][3];
        double[] r0 = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double z = 2 * rnd.nextDouble() - 1, ph = 2 * Math.PI * rnd.nextDouble(), s = Math.sqrt(1 - z * z);
            u[i] = new double[] {s * Math.cos(ph), s * Math.sin(ph), z};
            for (int a = 0; a < 3; a++) r0[3 * i + a] = 10 * rnd.nextDouble();
            species[i] = i % 2;
        }
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < n; i++) {
                double v = speeds[i % 3];
                for (int a = 0; a < 3; a++) pos[f][3 * i + a] = r0[3 * i + a] + v * f * dt * u[i][a];
            }
        }
        Trajectory t = new Trajectory(box, species, dt, pos);
        int[] lags = SelfDynamics.logLags(frames, 8);
        SelfDynamics sd = SelfDynamics.compute(t, q, -1, lags);
        for (int k = 0; k < lags.length; k++) {
            double tt = lags[k] * dt, fs = 0, msd = 0;
            for (int i = 0; i < n; i++) {
                double v = speeds[i % 3];
                fs += Math.sin(q * v * tt) / (q * v * tt);
                msd += v * v * tt * tt;
            }
            assertEquals(tt, sd.time()[k], 1e-15);
            assertEquals(fs / n, sd.fs()[k], 1e-12);
            assertEquals(msd / n, sd.msd()[k], 1e-12 * msd / n);
        }
        // one species only: species 0 is every other particle
        SelfDynamics s0 = SelfDynamics.compute(t, q, 0, new int[] {10});
        double fs = 0;
        int c = 0;
        for (int i = 0; i < n; i += 2) { fs += Math.sin(q * speeds[i % 3] * 0.5) / (q * speeds[i % 3] * 0.5); c++; }
        assertEquals(fs / c, s0.fs()[0], 1e-12);
    }

    /** τ_α interpolates linearly in ln t: exact for F_s = 1 − 0.1 ln t (crossing at ln t = 8). */
    @Test
    void relaxationTimeInterpolatesInLogTime() {
        double[] t = new double[40], f = new double[40];
        for (int k = 0; k < 40; k++) {
            t[k] = Math.exp(0.37 * k + 0.1);
            f[k] = 1 - 0.1 * Math.log(t[k]);
        }
        assertEquals(Math.exp(8), SelfDynamics.relaxationTime(t, f, 0.2), 1e-9 * Math.exp(8));
        // exp(−t/τ): τ_α = τ ln 5. Grid of 50 points per decade, h = ln10/50 in u = ln t; linear
        // interpolation misplaces the crossing by ≤ h²/8·|f_uu/f_u| = h²/8·|t/τ − 1| ≈ 1.6e-4 in ln t (measured 1.0e-4)
        double tau = 3.0;
        double[] t2 = new double[200], f2 = new double[200];
        for (int k = 0; k < 200; k++) {
            t2[k] = 0.01 * Math.pow(10, k / 50.0);
            f2[k] = Math.exp(-t2[k] / tau);
        }
        assertEquals(tau * Math.log(5), SelfDynamics.relaxationTime(t2, f2, 0.2), 2e-4 * tau * Math.log(5));
        assertThrows(IllegalArgumentException.class, () -> SelfDynamics.relaxationTime(new double[] {1, 2}, new double[] {0.9, 0.5}, 0.2));
    }

    /**
     * Simple cubic lattice, spacing a = L/m (m = 6): S(q) = N at the Bragg vectors q = 2π/a (all particles
     * in phase) and 0 (to round-off) at every other box vector. The shell |n| = 6 (n in units of 2π/L)
     * holds 15 half-space vectors, 3 of them Bragg ((6,0,0) and permutations; the 12 of type (4,4,2) are
     * not), so its average is 3N/15; all other shells are 0 and the first peak above q = 1 is 2π/a.
     */
    @Test
    void latticeStructureFactorPeaksAtBraggVector() {
        int m = 6;
        double l = 7.2, a = l / m;
        int n = m * m * m;
        double[][] pos = new double[2][3 * n];
        int k = 0;
        for (int x = 0; x < m; x++) for (int y = 0; y < m; y++) for (int z = 0; z < m; z++) {
            pos[0][3 * k] = pos[1][3 * k] = x * a;
            pos[0][3 * k + 1] = pos[1][3 * k + 1] = y * a;
            pos[0][3 * k + 2] = pos[1][3 * k + 2] = z * a;
            k++;
        }
        Trajectory t = new Trajectory(Box.cubic(l), new int[n], 1.0, pos);
        StructureFactor sq = StructureFactor.compute(t, 0, 7.0, 0.05, 1);
        assertEquals(2 * Math.PI / a, sq.firstPeak(1.0), 1e-9);
        for (int b = 0; b < sq.q().length; b++) {
            boolean bragg = Math.abs(sq.q()[b] - 2 * Math.PI / a) < 1e-9;
            if (bragg) assertEquals(15, sq.vectors()[b]);
            double expect = bragg ? 3.0 * n / 15 : 0;
            assertEquals(expect, sq.s()[b], 1e-9 * n, "shell q = " + sq.q()[b]);
        }
    }

    /** Reduced units: a0 = (V/N)^⅓, t0 = a0/√T. */
    @Test
    void reducedUnits() {
        assertEquals(Math.cbrt(1000 / 1.2 / 1000), ReducedUnits.a0(1000 / 1.2, 1000), 1e-15);
        assertEquals(2.0 / 3.0, ReducedUnits.t0(2.0, 9.0), 1e-15);
    }

    /** Synthetic τ_α from eq 3 with ℓ̃ = 0.4, t̃ = 0.1 are fitted back exactly (to round-off). */
    @Test
    void mesoelasticFitRecoversParameters() {
        double a0 = Math.cbrt(1 / 0.82), ell = 0.4, tt = 0.1;
        double[] temp = {0.5, 0.6, 0.7, 0.9}, kappa = {20, 17, 15, 12}, tau = new double[4];
        for (int k = 0; k < 4; k++) {
            double t0 = ReducedUnits.t0(a0, temp[k]);
            tau[k] = t0 * Math.exp((ell * a0) * (ell * a0) * kappa[k] / temp[k] + Math.log(tt));
        }
        MesoelasticFit f = MesoelasticFit.fit(temp, tau, kappa, a0);
        assertEquals(ell, f.ellTilde(), 1e-12);
        assertEquals(tt, f.tTilde(), 1e-12);
        assertEquals(1.0, f.rSquared(), 1e-12);
        double[] falling = {tau[3], tau[2], tau[1], tau[0]};
        assertThrows(IllegalArgumentException.class, () -> MesoelasticFit.fit(temp, falling, kappa, a0));
    }


    /** Transitions are counted where consecutive IS energies differ by more than the threshold. */
    @Test
    void transitionRate() {
        double[] e = {-7.5, -7.5 + 1e-9, -7.49, -7.49, -7.51, -7.51};
        TransitionRate r = TransitionRate.of(e, 0.5, 1e-6, 1000, 1000, 1.0);
        assertEquals(2, r.transitions());
        assertEquals(2 / 2.5, r.rate(), 1e-15);
        assertEquals(2 / 2.5 * 0.1, r.reducedRate(), 1e-15);
    }
}
