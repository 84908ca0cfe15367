package org.softglass.core.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * Behaviour of the minimisers that does not depend on LAMMPS (L-BFGS included): CG energies never rise (beyond the
 * line search's stated 1e-8 per atom allowance), the iteration / evaluation / energy criteria stop
 * with the right reason, results do not depend on the thread count, images follow particles across
 * box faces, and bad options are refused.
 */
class MinimizerBehaviourTest {

    static Frame thermal() throws IOException {
        return MinimizerFixtureTest.read("ka_N1000_T0.8_forces_frame.dump");
    }

    /** U after each of the first {@code iterations} iterations of {@code a} from the thermal frame, U₀ first (2 threads). */
    static List<Double> energyTrace(Algorithm a, int iterations) throws IOException {
        List<Double> u = new ArrayList<>();
        try (Frame f = thermal(); ParticleStore p = f.particles().copy()) {
            MinimizeOptions o = MinimizeOptions.defaults().withAlgorithm(a).withMaxIterations(iterations).withThreads(2)
                    .withListener((s, k, e, fn, ev) -> u.add(e));
            Report r = Minimizer.quench(p, f.box(), Models.ka(), o);
            u.addFirst(r.initialEnergy());
        }
        return u;
    }

    @Test
    void cgEnergyDecreasesMonotonically() throws IOException {
        List<Double> u = energyTrace(Algorithm.CG, 300);
        try (Frame f = thermal(); ParticleStore p = f.particles().copy()) {
            assertEquals(301, u.size());
            int strict = 0;
            for (int k = 1; k < u.size(); k++) {
                // an accepted quadratic step may raise U/N by < 1e-8 (EMACH); everything else lowers it
                assertTrue(u.get(k) <= u.get(k - 1) + 1e-8 * p.size(), "CG energy rose at iteration " + k + ": "
                        + u.get(k - 1) + " -> " + u.get(k));
                if (u.get(k) < u.get(k - 1)) strict++;
            }
            assertTrue(strict >= 295, "strict decreases: " + strict + " of 300");
        }
    }

    @Test
    void iterationLimitStopsUnconverged() throws IOException {
        for (Algorithm a : Algorithm.values()) {
            try (Frame f = thermal(); ParticleStore p = f.particles().copy()) {
                Report r = Minimizer.quench(p, f.box(), Models.ka(), MinimizeOptions.defaults().withAlgorithm(a).withMaxIterations(7));
                assertFalse(r.converged(), a + ": " + r);
                assertEquals(StopReason.MAX_ITERATIONS, r.reason(), a.toString());
                int stages = a.stages().size();
                assertEquals(stages, r.stages().size());
                assertEquals(7 * stages, r.iterations(), "limit applies per stage: " + r.stages());
                assertTrue(r.energy() < r.initialEnergy());
            }
        }
    }

    @Test
    void evaluationLimitStopsUnconverged() throws IOException {
        for (Algorithm a : new Algorithm[] {Algorithm.CG, Algorithm.FIRE, Algorithm.LBFGS}) {
            try (Frame f = thermal(); ParticleStore p = f.particles().copy()) {
                Report r = Minimizer.quench(p, f.box(), Models.ka(), MinimizeOptions.defaults().withAlgorithm(a).withMaxForceEvaluations(25));
                assertFalse(r.converged(), a + ": " + r);
                assertEquals(StopReason.MAX_FORCE_EVALUATIONS, r.reason(), a.toString());
                long stageEvals = r.stages().getFirst().forceEvaluations();
                // also checked inside the CG and L-BFGS line searches: at most one evaluation (the step back) past the limit
                assertTrue(stageEvals >= 25 && stageEvals <= 25 + (a == Algorithm.FIRE ? 0 : 1), a + " used " + stageEvals);
                assertTrue(r.energy() < r.initialEnergy(), a + ": " + r);
                assertEquals(stageEvals + 1, r.forceEvaluations(), "plus the initial evaluation");
            }
        }
    }

    @Test
    void energyToleranceStopsConverged() throws IOException {
        for (Algorithm a : new Algorithm[] {Algorithm.CG, Algorithm.FIRE, Algorithm.LBFGS}) {
            try (Frame f = thermal(); ParticleStore p = f.particles().copy()) {
                Report r = Minimizer.quench(p, f.box(), Models.ka(), MinimizeOptions.defaults().withAlgorithm(a).withFtol(0).withEtol(1e-6));
                assertTrue(r.converged(), a + ": " + r);
                assertEquals(StopReason.ENERGY_TOLERANCE, r.reason(), a.toString());
                assertTrue(r.energyPerAtom() < -7.4, a + ": " + r);
            }
        }
    }

    /**
     * The default half list (each pair once, Newton's third law) reaches the full list's minimum from
     * a thermal frame, and repeats bit for bit for a given thread count. The two lists sum forces in a
     * different order, so the CG paths part at round-off and end at different points of the same
     * flat-bottomed basin: measured max |Δx| = 6e-4 σ and ΔU/N = 1e-8. A different minimum would move
     * the particles of a rearrangement by ≳ 0.1 σ and U/N by ≳ 1e-4, so the bounds are 1e-2 σ and 1e-6.
     */
    @Test
    void halfListFindsTheFullListMinimumAndRepeats() throws IOException {
        try (Frame f = thermal()) {
            double[][] full = quenchOf(f, MinimizeOptions.defaults().withThreads(2).withHalfList(false));
            double[][] half = quenchOf(f, MinimizeOptions.defaults().withThreads(2));
            double[][] again = quenchOf(f, MinimizeOptions.defaults().withThreads(2));
            for (int k = 0; k < half.length; k++) assertArrayEquals(half[k], again[k], "half list, same threads, array " + k);
            double worst = 0;
            for (int a = 0; a < 3; a++) {
                for (int i = 0; i < full[a].length; i++) {
                    double d = half[a][i] - full[a][i];
                    d -= Math.rint(d / f.box().length(a)) * f.box().length(a);
                    worst = Math.max(worst, Math.abs(d));
                }
            }
            System.out.printf("half vs full list: max |dx| %.3e sigma, dU/N %.3e%n", worst, half[3][0] - full[3][0]);
            assertEquals(0, worst, 1e-2);
            assertEquals(full[3][0], half[3][0], 1e-6);
        }
    }

    private static double[][] quenchOf(Frame f, MinimizeOptions o) {
        try (ParticleStore p = f.particles().copy(); Minimizer m = new Minimizer(Models.ka(), o)) {
            Report r = m.minimize(p, f.box(), new double[p.size()]);
            assertTrue(r.converged(), r.toString());
            return new double[][] {p.positions(0).toArray(ValueLayout.JAVA_DOUBLE), p.positions(1).toArray(ValueLayout.JAVA_DOUBLE),
                    p.positions(2).toArray(ValueLayout.JAVA_DOUBLE), {r.energyPerAtom()}};
        }
    }

    /** With the full list the result is bit-identical for any thread count. */
    @Test
    void sameResultForAnyThreadCountWithTheFullList() throws IOException {
        try (Frame f = thermal()) {
            double[][] ref = null;
            for (int threads : new int[] {1, 2, 3}) {
                try (ParticleStore p = f.particles().copy()) {
                    double[] e = new double[p.size()];
                    MinimizeOptions o = MinimizeOptions.defaults().withMaxIterations(60).withThreads(threads).withHalfList(false);
                    Report r;
                    try (Minimizer m = new Minimizer(Models.ka(), o)) {
                        r = m.minimize(p, f.box(), e);
                    }
                    double[][] got = {p.positions(0).toArray(ValueLayout.JAVA_DOUBLE), p.positions(1).toArray(ValueLayout.JAVA_DOUBLE),
                            p.positions(2).toArray(ValueLayout.JAVA_DOUBLE), e, {r.energy(), r.fnorm()}};
                    if (ref == null) ref = got;
                    else for (int k = 0; k < got.length; k++) assertArrayEquals(ref[k], got[k], threads + " threads, array " + k);
                }
            }
        }
    }

    @Test
    void imagesFollowParticlesAcrossBoxFaces() {
        // an A-A pair at 1.05 sigma (inside the LJ minimum 2^(1/6)) just below the x face: pushed apart,
        // particle 0 leaves through the face; it must come back wrapped with its image count raised
        Box box = Box.cubic(9.0);
        for (Algorithm a : Algorithm.values()) {
            try (ParticleStore p = ParticleStore.allocate(2)) {
                p.setPosition(0, 8.98, 4.5, 4.5);
                p.setPosition(1, 7.93, 4.5, 4.5);
                Report r = Minimizer.quench(p, box, Models.ka(), MinimizeOptions.defaults().withAlgorithm(a));
                assertTrue(r.converged(), a + ": " + r);
                assertEquals(1, p.image(0, 0), a + ": particle 0 crossed the x face once");
                assertEquals(0, p.image(1, 0), a.toString());
                for (int i = 0; i < 2; i++) {
                    assertTrue(p.x(i) >= 0 && p.x(i) < 9.0, a + ": wrapped x " + p.x(i));
                    assertEquals(4.5, p.y(i), 1e-12);
                }
                double u0 = p.unwrapped(0, 0, box), u1 = p.unwrapped(1, 0, box);
                assertEquals(Math.pow(2, 1.0 / 6), u0 - u1, 1e-9, a + ": LJ minimum in unwrapped coordinates");
                assertEquals(8.455, 0.5 * (u0 + u1), 1e-9, a + ": pair forces keep the centre");
                double shift = 4 * (Math.pow(2.5, -12) - Math.pow(2.5, -6));
                assertEquals((-1.0 - shift) / 2, r.energyPerAtom(), 1e-12, a + ": U = -eps - U(r_c) at the minimum");
            }
        }
    }

    @Test
    void badOptionsAreRefused() {
        MinimizeOptions d = MinimizeOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withFtol(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withEtol(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxIterations(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxForceEvaluations(0));
        assertThrows(IllegalArgumentException.class, () -> d.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> d.withDmax(0));
        assertThrows(IllegalArgumentException.class, () -> d.withLbfgsMemory(0));
        assertThrows(IllegalArgumentException.class, () -> d.withLbfgsMemory(101));
        assertThrows(IllegalArgumentException.class, () -> FireParameters.LAMMPS.withDt(-0.1));
        assertEquals(Algorithm.CG_FIRE, Algorithm.parse("CG+FIRE"));
        assertEquals(Algorithm.LBFGS, Algorithm.parse("lbfgs"));
        assertEquals(Algorithm.LBFGS_FIRE, Algorithm.parse(" LBFGS+FIRE "));
        assertEquals(List.of(Algorithm.LBFGS, Algorithm.FIRE), Algorithm.LBFGS_FIRE.stages());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Algorithm.parse("bfgs"));
        assertTrue(e.getMessage().contains("fire, cg, cg+fire, lbfgs, lbfgs+fire"), e.getMessage());
    }
}
