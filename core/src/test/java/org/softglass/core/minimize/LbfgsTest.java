package org.softglass.core.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.testutil.Fixtures;

/**
 * L-BFGS ({@link Lbfgs}): convergence to round-off on a quadratic with a known minimum; on KA frames it
 * meets the force tolerance, its U_IS/N statistics agree with LAMMPS' cg+fire minima, it needs clearly
 * fewer force evaluations than CG, and it repeats bit for bit.
 */
class LbfgsTest {

    /**
     * U(x) = U₀ + ½ (x − x*)ᵀ A (x − x*) in 3N = 60 dimensions, A = Qᵀ diag(λ) Q with Q a random
     * orthogonal matrix and λ log-spaced over [0.01, 1] (condition number 100), U₀ = −1000. The offset
     * makes the energy changes of the last iterations (~|F|²/λ ≲ 1e-20) far smaller than the round-off
     * of U (~1e-13), so the line search must work from slopes there (approximate Wolfe acceptance).
     * Required: |F|₂ &lt; 1e-12 within 3 × 60 iterations (exact line searches would need ≤ 60; the
     * factor 3 allows for the inexact unit step), and then |x − x*|∞ ≤ |F|₂/λ_min = 1e-10.
     */
    @Test
    void quadraticConvergesToRoundOff() {
        Quadratic q = new Quadratic(20, 0.01, 1.0, -1000.0, 7);
        MinimizeOptions o = MinimizeOptions.defaults().withAlgorithm(Algorithm.LBFGS).withFtol(1e-12).withDmax(10.0);
        q.evaluate();
        StageResult r = new Lbfgs(q, o).run(q.evaluations());
        double err = 0;
        for (int k = 0; k < q.x.length; k++) err = Math.max(err, Math.abs(q.x[k] - q.xstar[k]));
        System.out.printf("quadratic: %s after %d iterations, %d evaluations, |x - x*|max %.2e%n", r.reason(), r.iterations(),
                q.evaluations(), err);
        assertEquals(StopReason.FORCE_TOLERANCE, r.reason());
        assertTrue(r.iterations() <= 3 * q.x.length, "iterations " + r.iterations());
        assertTrue(err <= 1e-10, "|x - x*|max " + err);
    }

    /**
     * On the thermal fixture frame (N = 1000, T = 0.8) L-BFGS meets ftol = 1e-10 with at most 0.8× the
     * force evaluations of CG (measured 730 against 1512, 0.48×; on 10 frames at T = 0.61, 0.53×: a
     * CG iteration costs ≈ 2 evaluations, an L-BFGS iteration ≈ 1, at about the same iteration count),
     * and ends inside LAMMPS' U_IS/N band at this temperature, [−7.60, −7.53] (fixture README).
     */
    @Test
    void fewerForceEvaluationsThanCgOnTheThermalFrame() throws IOException {
        try (Frame f = MinimizerBehaviourTest.thermal()) {
            Report cg = quench(f, MinimizeOptions.defaults().withAlgorithm(Algorithm.CG).withThreads(2));
            Report lb = quench(f, MinimizeOptions.defaults().withAlgorithm(Algorithm.LBFGS).withThreads(2));
            System.out.println("cg    " + cg + "\nlbfgs " + lb);
            assertTrue(cg.converged(), cg.toString());
            assertEquals(StopReason.FORCE_TOLERANCE, lb.reason(), lb.toString());
            assertTrue(lb.fnorm() < 1e-10, lb.toString());
            assertTrue(lb.energyPerAtom() > -7.60 && lb.energyPerAtom() < -7.53, lb.toString());
            assertTrue(lb.forceEvaluations() <= 0.8 * cg.forceEvaluations(),
                    "L-BFGS " + lb.forceEvaluations() + " vs CG " + cg.forceEvaluations() + " evaluations");
        }
    }

    /**
     * Mean U_IS/N of L-BFGS quenches over 10 frames of the fixture trajectory, 20 τ apart (≈ 7 τ_α at
     * T = 0.8, so independent), against LAMMPS' cg+fire minima of the same frames: the means must agree
     * within three combined standard errors, {@code 3 sqrt(s²_ours/n + s²_LAMMPS/n)}, n = 10 (as
     * {@link LammpsStatisticsTest}; single frames may end in different nearby minima, README of the
     * fixtures: spread ≈ 0.02 across minimisers). Every quench must converge to |F|₂ &lt; 1e-10.
     * Measured: −7.568638 against −7.569134, difference 5.0e-4, 3σ = 1.5e-2; no frame in LAMMPS' minimum.
     */
    @Test
    void meanInherentStructureEnergyAgreesWithLammps() throws IOException {
        Map<Integer, Double> ref = LammpsStatisticsTest.lammpsEnergies();
        List<Double> ours = new ArrayList<>(), theirs = new ArrayList<>();
        int same = 0;
        try (LammpsDumpReader reader = LammpsDumpReader.open(Fixtures.lammps("ka_N1000_T0.8_traj.dump.gz"));
             Minimizer m = new Minimizer(Models.ka(), MinimizeOptions.defaults().withAlgorithm(Algorithm.LBFGS).withThreads(2))) {
            int k = 0;
            for (Frame next; (next = reader.next()) != null; k++) {
                try (Frame f = next) {
                    if (k % 20 != 0) continue;
                    Report r = m.minimize(f.particles(), f.box(), null);
                    assertEquals(StopReason.FORCE_TOLERANCE, r.reason(), "frame " + k + ": " + r);
                    assertTrue(r.fnorm() < 1e-10, "frame " + k + ": " + r);
                    ours.add(r.energyPerAtom());
                    theirs.add(ref.get(k));
                    if (Math.abs(r.energyPerAtom() - ref.get(k)) < 1e-9) same++;
                }
            }
        }
        int n = ours.size();
        assertEquals(10, n);
        double mo = mean(ours), ml = mean(theirs);
        double sigma = Math.sqrt(variance(ours, mo) / n + variance(theirs, ml) / n);
        System.out.printf("L-BFGS IS energies over %d frames: %.6f, LAMMPS cg+fire %.6f, diff %.2e (3 sigma %.2e); %d same minima%n",
                n, mo, ml, mo - ml, 3 * sigma, same);
        assertTrue(Math.abs(mo - ml) < 3 * sigma, "means differ by " + (mo - ml) + ", 3 sigma = " + 3 * sigma);
    }

    /**
     * Every accepted L-BFGS step lowers U, except an approximate-Wolfe step, which may raise it by at
     * most the energy resolution 1e-10 |U₀| (Lbfgs class comment): checked over the first 300
     * iterations from the thermal frame; at least 290 of them must lower U strictly.
     */
    @Test
    void energyNeverRisesBeyondTheResolution() throws IOException {
        List<Double> u = MinimizerBehaviourTest.energyTrace(Algorithm.LBFGS, 300);
        assertEquals(301, u.size());
        int strict = 0;
        for (int k = 1; k < u.size(); k++) {
            double allowed = Lbfgs.ENERGY_RESOLUTION * Math.abs(u.get(k - 1));
            assertTrue(u.get(k) <= u.get(k - 1) + allowed, "energy rose at iteration " + k + ": " + u.get(k - 1) + " -> " + u.get(k));
            if (u.get(k) < u.get(k - 1)) strict++;
        }
        assertTrue(strict >= 290, "strict decreases: " + strict + " of 300");
    }

    /** Same input and thread count: bit-identical positions, images, energy and |F|₂ (serial reductions). */
    @Test
    void repeatsBitForBit() throws IOException {
        try (Frame f = MinimizerBehaviourTest.thermal()) {
            double[][] a = run(f), b = run(f);
            for (int k = 0; k < a.length; k++) assertArrayEquals(a[k], b[k], "array " + k);
        }
    }

    /**
     * The fused passes of the two-loop recursion equal, bit for bit, the unfused operations they
     * replace (an update of v, then {@link Lbfgs#dot4} or the serial dot of the new v), on random
     * vectors of a length that is not a multiple of 4 (the scalar tail runs too).
     */
    @Test
    void fusedPassesAreBitIdenticalToTheUnfusedOperations() {
        Random rng = new Random(3);
        int len = 3 * 337;
        double[] u = new double[len], v = new double[len], w = new double[len];
        for (int k = 0; k < len; k++) {
            u[k] = rng.nextGaussian();
            v[k] = rng.nextGaussian() * 1e3;
            w[k] = rng.nextGaussian() * 1e-3;
        }
        double c = -0.7310, g = 1.0 / 3.0;

        double[] v1 = new double[len], v2 = v.clone();
        double d1 = Lbfgs.copyDot4(v, v1, w);
        assertArrayEquals(v, v1, 0.0);
        assertEquals(Lbfgs.dot4(w, v), d1, 0.0);

        v1 = v.clone();
        d1 = Lbfgs.axpyDot4(c, u, v1, w);
        for (int k = 0; k < len; k++) v2[k] += c * u[k];
        assertArrayEquals(v2, v1, 0.0);
        assertEquals(Lbfgs.dot4(w, v2), d1, 0.0);

        v1 = v.clone();
        v2 = v.clone();
        d1 = Lbfgs.axpyScaleDot4(c, u, v1, g, w);
        for (int k = 0; k < len; k++) v2[k] += c * u[k];
        for (int k = 0; k < len; k++) v2[k] *= g;
        assertArrayEquals(v2, v1, 0.0);
        assertEquals(Lbfgs.dot4(w, v2), d1, 0.0);

        v1 = v.clone();
        v2 = v.clone();
        d1 = Lbfgs.axpyDotSerial(c, u, v1, w);
        for (int k = 0; k < len; k++) v2[k] += c * u[k];
        assertArrayEquals(v2, v1, 0.0);
        assertEquals(Objective.dot(w, v2), d1, 0.0);
    }

    private static double[][] run(Frame f) {
        MinimizeOptions o = MinimizeOptions.defaults().withAlgorithm(Algorithm.LBFGS).withThreads(2).withMaxIterations(300);
        try (ParticleStore p = f.particles().copy()) {
            Report r = Minimizer.quench(p, f.box(), Models.ka(), o);
            double[][] out = new double[7][];
            for (int a = 0; a < 3; a++) {
                out[a] = p.positions(a).toArray(ValueLayout.JAVA_DOUBLE);
                int[] img = p.images(a).toArray(ValueLayout.JAVA_INT);
                out[3 + a] = new double[img.length];
                for (int i = 0; i < img.length; i++) out[3 + a][i] = img[i];
            }
            out[6] = new double[] {r.energy(), r.fnorm(), r.forceEvaluations()};
            return out;
        }
    }

    static Report quench(Frame f, MinimizeOptions o) {
        try (ParticleStore p = f.particles().copy()) {
            return Minimizer.quench(p, f.box(), Models.ka(), o);
        }
    }

    private static double mean(List<Double> v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.size();
    }

    private static double variance(List<Double> v, double mean) {
        double s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return s / (v.size() - 1);
    }

    /** A quadratic landscape U₀ + ½ (x − x*)ᵀ A (x − x*) with a random orthogonal eigenbasis. */
    static final class Quadratic implements Landscape {
        final int n;
        final double[] x, xstar, f;
        final double[][] a;
        final double u0;
        double u;
        long evals;

        Quadratic(int n, double lmin, double lmax, double u0, long seed) {
            this.n = n;
            int d = 3 * n;
            this.u0 = u0;
            Random rnd = new Random(seed);
            double[][] qm = new double[d][d];   // rows: orthonormal vectors by Gram–Schmidt
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < d; k++) qm[i][k] = rnd.nextGaussian();
                for (int j = 0; j < i; j++) {
                    double c = Objective.dot(qm[i], qm[j]);
                    for (int k = 0; k < d; k++) qm[i][k] -= c * qm[j][k];
                }
                double nrm = Math.sqrt(Objective.dot(qm[i], qm[i]));
                for (int k = 0; k < d; k++) qm[i][k] /= nrm;
            }
            a = new double[d][d];
            for (int i = 0; i < d; i++) {
                double lambda = lmin * Math.pow(lmax / lmin, i / (d - 1.0));
                for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) a[r][c] += lambda * qm[i][r] * qm[i][c];
            }
            x = new double[d];
            xstar = new double[d];
            f = new double[d];
            for (int k = 0; k < d; k++) {
                xstar[k] = rnd.nextGaussian();
                x[k] = xstar[k] + 3 * rnd.nextGaussian();
            }
        }

        @Override public int particles() { return n; }
        @Override public double[] forces() { return f; }
        @Override public double energy() { return u; }
        @Override public boolean finite() { return Double.isFinite(u); }
        @Override public long evaluations() { return evals; }

        @Override
        public double evaluate() {
            int d = x.length;
            double[] e = new double[d];
            for (int k = 0; k < d; k++) e[k] = x[k] - xstar[k];
            double q = 0;
            for (int r = 0; r < d; r++) {
                double ae = 0;
                for (int c = 0; c < d; c++) ae += a[r][c] * e[c];
                f[r] = -ae;
                q += e[r] * ae;
            }
            u = u0 + 0.5 * q;
            evals++;
            return u;
        }

        @Override
        public void savePositions(double[] into, int[] img) {
            System.arraycopy(x, 0, into, 0, x.length);
            java.util.Arrays.fill(img, 0);
        }

        @Override
        public void setPositions(double[] x0, int[] img0, double alpha, double[] h) {
            for (int k = 0; k < x.length; k++) x[k] = x0[k] + alpha * h[k];
        }
    }
}
