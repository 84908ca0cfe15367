package org.softglass.core.energy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.simd.PairKernel;
import org.softglass.core.simd.PanamaPairKernel;
import org.softglass.core.simd.ScalarPairKernel;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;
import org.softglass.core.parallel.Parallel;

class ForceComputeTest {

    record Case(PairPotential pot, double density, double dmin) {}

    private static final List<Case> CASES = List.of(
            new Case(Models.ka(), 1.2, 0.8), new Case(Models.ss(), 0.82, 0.6), new Case(Models.ipl(), 0.82, 0.8));

    private static Box boxFor(int n, double rho) { return Box.cubicForDensity(n, rho); }

    /**
     * Every force component equals −∂U/∂x by central differences, U = Σ e_i (so ΔU for moving i is
     * 2Δe_i exactly). h = 1e-6 σ; tolerance 1e-5·max(1,|F|) covers the h² truncation and round-off.
     */
    @Test
    void forcesAreMinusGradientOfEnergy() {
        for (Case c : CASES) {
            int n = 301;
            Box box = boxFor(n, c.density);
            try (ParticleStore p = Configs.random(n, box, c.pot.name().equals("ka") ? 0.8 : 0.5, c.dmin, 11);
                 ForceCompute fc = new ForceCompute(c.pot, 1)) {
                double rl = c.pot.maxCutoff() + 0.3;
                NeighborList nl = Configs.bruteForce(p, box, rl, NeighborList.Kind.FULL);
                double[] e = new double[n];
                fc.compute(p, box, nl, e);
                double[][] f = new double[3][n];
                for (int a = 0; a < 3; a++) for (int i = 0; i < n; i++) f[a][i] = p.force(i, a);
                double h = 1e-6;
                for (int i = 0; i < n; i += 7) {
                    for (int a = 0; a < 3; a++) {
                        double fd = FiniteDifferenceForce.of(fc, p, box, nl, i, a, h);
                        final int ii = i, aa = a;
                        assertEquals(fd, f[a][i], 1e-5 * Math.max(1, Math.abs(f[a][i])), () -> c.pot.name() + " particle " + ii + " axis " + aa);
                    }
                }
                nl.close();
            }
        }
    }

    /** Energy and virial equal a direct double sum over all pairs, and forces sum to zero. */
    @Test
    void energyAndVirialEqualDirectPairSum() {
        for (Case c : CASES) {
            int n = 257;
            Box box = boxFor(n, c.density);
            try (ParticleStore p = Configs.random(n, box, 0.5, c.dmin, 5); ForceCompute fc = new ForceCompute(c.pot, 2)) {
                NeighborList nl = Configs.bruteForce(p, box, c.pot.maxCutoff(), NeighborList.Kind.FULL);
                ForceCompute.Result r = fc.compute(p, box, nl, null);
                double u = 0, w = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        double r2 = box.distanceSquared(p.x(i), p.y(i), p.z(i), p.x(j), p.y(j), p.z(j));
                        u += c.pot.energy(p.species(i), p.species(j), r2);
                        w += r2 * c.pot.forceOverR(p.species(i), p.species(j), r2);
                    }
                }
                assertEquals(u, r.energy(), 1e-11 * Math.max(1, Math.abs(u)), c.pot.name());
                assertEquals(w, r.virial(), 1e-11 * Math.max(1, Math.abs(w)), c.pot.name());
                double sx = 0, sy = 0, sz = 0, fmax = 0;
                for (int i = 0; i < n; i++) {
                    sx += p.force(i, 0); sy += p.force(i, 1); sz += p.force(i, 2);
                    fmax = Math.max(fmax, Math.abs(p.force(i, 0)));
                }
                assertEquals(0, sx, 1e-10 * n * fmax);
                assertEquals(0, sy, 1e-10 * n * fmax);
                assertEquals(0, sz, 1e-10 * n * fmax);
                nl.close();
            }
        }
    }

    /** The same input gives bit-identical output on 1, 2 and 3 threads. */
    @Test
    void bitIdenticalForAnyThreadCount() {
        int n = 1003;
        Box box = boxFor(n, 1.2);
        try (ParticleStore p = Configs.random(n, box, 0.8, 0.8, 3)) {
            NeighborList nl = Configs.bruteForce(p, box, 2.8, NeighborList.Kind.FULL);
            double[][] ref = null;
            ForceCompute.Result r0 = null;
            for (int t = 1; t <= 3; t++) {
                try (ForceCompute fc = new ForceCompute(Models.ka(), t)) {
                    double[] e = new double[n];
                    ForceCompute.Result r = fc.compute(p, box, nl, e);
                    double[][] got = {forces(p, 0), forces(p, 1), forces(p, 2), e};
                    if (ref == null) { ref = got; r0 = r; continue; }
                    for (int k = 0; k < 4; k++) assertArrayEquals(ref[k], got[k], 0.0);
                    assertEquals(r0, r);
                }
            }
            nl.close();
        }
    }

    /** SIMD and scalar kernels give the same forces and energies to round-off (summation order). */
    @Test
    void simdAndScalarDriversAgree() {
        for (Case c : CASES) {
            int n = 333;
            Box box = boxFor(n, c.density);
            try (ParticleStore p = Configs.random(n, box, 0.8, c.dmin, 9); Parallel par = new Parallel(2)) {
                NeighborList nl = Configs.bruteForce(p, box, c.pot.maxCutoff() + 0.3, NeighborList.Kind.FULL);
                double[] es = new double[n], ev = new double[n];
                Evaluation scalar = Evaluation.of(p, es, new ForceCompute(c.pot, par, ScalarPairKernel.INSTANCE).compute(p, box, nl, es));
                Evaluation simd = Evaluation.of(p, ev, new ForceCompute(c.pot, par, PanamaPairKernel.INSTANCE).compute(p, box, nl, ev));
                simd.assertRoundOffOf(scalar, c.pot.name());
                nl.close();
            }
        }
    }

    /**
     * The HALF-list path (Newton's third law, per-worker buffers) gives the FULL path's forces,
     * per-atom energies, energy and virial to round-off, for every preset and 1–3 threads, and the
     * same bits on a repeat with the same thread count.
     */
    @Test
    void halfListEqualsFullListAndRepeatsExactly() {
        for (Case c : CASES) {
            int n = 777;
            Box box = boxFor(n, c.density);
            try (ParticleStore p = Configs.random(n, box, 0.8, c.dmin, 13)) {
                NeighborList full = Configs.bruteForce(p, box, c.pot.maxCutoff() + 0.3, NeighborList.Kind.FULL);
                NeighborList half = Configs.bruteForce(p, box, c.pot.maxCutoff() + 0.3, NeighborList.Kind.HALF);
                Evaluation reference = slotIndexedFull(c.pot, p, box, full);
                for (int t = 1; t <= 3; t++) {
                    try (ForceCompute fc = new ForceCompute(c.pot, t)) {
                        double[] eh = new double[n];
                        ForceCompute.Result rh = fc.compute(p, box, half, eh);
                        Evaluation h = Evaluation.of(p, eh, rh);
                        h.assertRoundOffOf(reference, c.pot.name());
                        fc.forces(p, box, half);
                        for (int a = 0; a < 3; a++) assertArrayEquals(h.f()[a], forces(p, a), 0.0, "forces-only path, repeat");
                        ForceCompute.Result again = fc.compute(p, box, half, eh);
                        assertEquals(rh, again);
                    }
                }
                full.close();
                half.close();
            }
        }
    }

    /**
     * Cell-ordered lists (rows and entries in cell order, results written back through the
     * permutation; what MD and the minimiser use) give the slot-indexed FULL path's forces, per-atom
     * energies, energy and virial to round-off, for HALF and FULL, scalar and SIMD kernels, 1–3
     * threads; the FULL cell-ordered path is bit-identical for any thread count. Tolerances as in
     * {@link #halfListEqualsFullListAndRepeatsExactly}: only the summation order differs.
     */
    @Test
    void cellOrderedListsEqualSlotIndexedOnes() {
        for (Case c : CASES) {
            int n = 1111;
            Box box = boxFor(n, c.density);
            double rl = c.pot.maxCutoff() + 0.3;
            try (ParticleStore p = Configs.random(n, box, 0.8, c.dmin, 17)) {
                NeighborList full = Configs.bruteForce(p, box, rl, NeighborList.Kind.FULL);
                Evaluation reference = slotIndexedFull(c.pot, p, box, full);
                full.close();
                for (NeighborList.Kind kind : NeighborList.Kind.values()) {
                    double[][] fullOrdered1 = null;
                    for (int t = 1; t <= 3; t++) {
                        for (PairKernel k : new PairKernel[] {ScalarPairKernel.INSTANCE, PanamaPairKernel.INSTANCE}) {
                            try (Parallel team = new Parallel(t); ForceCompute fc = new ForceCompute(c.pot, team, k);
                                    NeighborListBuilder b = new NeighborListBuilder(box, rl, team, org.softglass.core.simd.DistanceKernels.get())
                                            .cellOrdered(true).sortedRows(false);
                                    NeighborList list = b.build(p, kind)) {
                                double[] e = new double[n];
                                Evaluation got = Evaluation.of(p, e, fc.compute(p, box, list, e));
                                String what = c.pot.name() + " " + kind + " " + t + " threads " + k.getClass().getSimpleName();
                                got.assertRoundOffOf(reference, what);
                                if (kind == NeighborList.Kind.FULL && k == PanamaPairKernel.INSTANCE) {
                                    double[][] now = got.f();
                                    if (fullOrdered1 == null) fullOrdered1 = now;
                                    else for (int a = 0; a < 3; a++) assertArrayEquals(fullOrdered1[a], now[a], 0.0, what + ": thread count changed bits");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void refusesWrongListOrSpecies() {
        int n = 300;
        Box box = boxFor(n, 1.2);
        try (ParticleStore p = Configs.random(n, box, 0.8, 0.8, 1); ForceCompute fc = new ForceCompute(Models.ka(), 1)) {
            NeighborList shortList = Configs.bruteForce(p, box, 2.0, NeighborList.Kind.FULL);
            assertThrows(IllegalArgumentException.class, () -> fc.forces(p, box, shortList));
            p.setSpecies(0, 2);
            NeighborList full = Configs.bruteForce(p, box, 2.8, NeighborList.Kind.FULL);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fc.forces(p, box, full));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("species"), e.getMessage());
        }
    }

    /** One evaluation: the forces per axis ({@code f[a][i]}), the per-atom energies and the totals. */
    private record Evaluation(double[][] f, double[] e, ForceCompute.Result r) {
        /** The forces now in {@code p}, with the energies and result of the evaluation that wrote them. */
        static Evaluation of(ParticleStore p, double[] e, ForceCompute.Result r) {
            return new Evaluation(new double[][] {forces(p, 0), forces(p, 1), forces(p, 2)}, e, r);
        }

        /**
         * This evaluation equals {@code ref} to round-off (only the summation order differs): forces to
         * 1e-11·max(1, |F|), per-atom energies to 1e-12·max(1, |e|), the energy to 1e-12 relative, the virial to
         * 1e-11·max(1, |W|).
         */
        void assertRoundOffOf(Evaluation ref, String what) {
            for (int i = 0; i < e.length; i++) {
                for (int a = 0; a < 3; a++) assertEquals(ref.f[a][i], f[a][i], 1e-11 * Math.max(1, Math.abs(ref.f[a][i])), what);
                assertEquals(ref.e[i], e[i], 1e-12 * Math.max(1, Math.abs(ref.e[i])), what);
            }
            assertEquals(ref.r.energy(), r.energy(), 1e-12 * Math.abs(ref.r.energy()), what);
            assertEquals(ref.r.virial(), r.virial(), 1e-11 * Math.max(1, Math.abs(ref.r.virial())), what);
        }
    }

    /** The reference: the slot-indexed FULL-list path on 1 thread. */
    private static Evaluation slotIndexedFull(PairPotential pot, ParticleStore p, Box box, NeighborList full) {
        double[] e = new double[p.size()];
        try (ForceCompute fc = new ForceCompute(pot, 1)) {
            return Evaluation.of(p, e, fc.compute(p, box, full, e));
        }
    }

    private static double[] forces(ParticleStore p, int a) {
        double[] f = new double[p.size()];
        for (int i = 0; i < f.length; i++) f[i] = p.force(i, a);
        return f;
    }

    static { PairKernel.get(); }
}
