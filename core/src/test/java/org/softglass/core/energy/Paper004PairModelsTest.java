package org.softglass.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.simd.PairKernel;
import org.softglass.core.simd.PanamaPairKernel;
import org.softglass.core.simd.ScalarPairKernel;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;

/**
 * The two pair models paper 004 adds ({@code mblj}, {@code sticky-spheres}) through {@link Models} and
 * the force driver, and the {@code harmonic-ss} alias of {@code ss}.
 */
class Paper004PairModelsTest {

    /** Reference pair energy and −U'/r written out independently of the kernels (Math.pow, tabulated coefficients). */
    private interface Reference {
        double[] energyAndForceOverR(int a, int b, double r);
    }

    /** mBLJ: KA ε, σ, shifted-force cutoffs 1.5, 2.0, 1.5. */
    private static final Reference MBLJ = (a, b, r) -> {
        double[][] eps = {{1.0, 1.5}, {1.5, 0.5}}, sig = {{1.0, 0.8}, {0.8, 0.88}}, rcs = {{1.5, 2.0}, {2.0, 1.5}};
        double e = eps[a][b], s = sig[a][b], rc = rcs[a][b];
        if (r >= rc) return new double[] {0, 0};
        double u = 4 * e * (Math.pow(s / r, 12) - Math.pow(s / r, 6)), uc = 4 * e * (Math.pow(s / rc, 12) - Math.pow(s / rc, 6));
        double du = -24 * e / r * (2 * Math.pow(s / r, 12) - Math.pow(s / r, 6)), duc = -24 * e / rc * (2 * Math.pow(s / rc, 12) - Math.pow(s / rc, 6));
        return new double[] {u - uc - (r - rc) * duc, -(du - duc) / r};
    };

    /** Sticky spheres: the 004 group's HOOMD evaluator with its tabulated coefficients (x_c = 1.2·2^{1/6}). */
    private static final Reference STICKY = (a, b, r) -> {
        double[][] lam = {{1.0, 1.18}, {1.18, 1.4}};
        double l = lam[a][b], x = r / l, xm = Math.pow(2, 1.0 / 6), xc = 1.2 * xm;
        if (x >= xc) return new double[] {0, 0};
        double ca = -106.991613526652, cb = -304.918469059567, c0 = -939.388037994211, c2 = 1190.70962256002,
                c4 = -541.300131587551, c6 = 85.8684936914713;
        double u, du; // du = dU/dx
        if (x < xm) {
            u = 4 * (Math.pow(x, -12) - Math.pow(x, -6));
            du = 4 * (-12 * Math.pow(x, -13) + 6 * Math.pow(x, -7));
        } else {
            u = ca * Math.pow(x, -12) - cb * Math.pow(x, -6) + c0 + c2 * x * x + c4 * Math.pow(x, 4) + c6 * Math.pow(x, 6);
            du = -12 * ca * Math.pow(x, -13) + 6 * cb * Math.pow(x, -7) + 2 * c2 * x + 4 * c4 * Math.pow(x, 3) + 6 * c6 * Math.pow(x, 5);
        }
        return new double[] {u, -du / l / r};
    };

    @Test
    void namesAliasesAndDefaults() {
        assertTrue(Models.NAMES.containsAll(java.util.List.of("ka", "ss", "harmonic-ss", "ipl", "mblj", "sticky-spheres")), Models.NAMES.toString());
        for (String n : Models.NAMES) assertEquals(n.equals("harmonic-ss") ? "ss" : n, Models.byName(n).name(), "the preset's own name");
        PairPotential alias = Models.byName("harmonic-ss"), ss = Models.ss();
        for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) assertEquals(ss.params(a, b), alias.params(a, b));
        assertEquals(Models.defaultDensity("ss"), Models.defaultDensity("harmonic-ss"));
        assertEquals(1.2, Models.defaultDensity("mblj"));
        assertEquals(0.8, Models.defaultFractionA("mblj"));
        assertEquals(0.6, Models.defaultDensity("sticky-spheres"));
        assertEquals(0.5, Models.defaultFractionA("sticky-spheres"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Models.byName("SS"));
        assertTrue(e.getMessage().contains("sticky-spheres") && e.getMessage().contains("harmonic-ss"), e.getMessage());
    }

    /**
     * Energy, virial and every force of a random configuration (N = 200 at the model's density and
     * composition) from {@link ForceCompute}, scalar and Vector-API kernels, equal a brute-force double
     * sum over all pairs of the reference formulas above. Tolerances: the two differ by summation order and
     * by Math.pow against products, ~1e-15 relative per term over ≤ 2e4 pairs: 1e-11 relative on U and W,
     * 1e-10·max(1, |F|) per force component.
     */
    @Test
    void forceDriverEqualsBruteForcePairSum() {
        record Case(String model, Reference ref, double dmin) {}
        for (Case c : new Case[] {new Case("mblj", MBLJ, 0.75), new Case("sticky-spheres", STICKY, 0.85)}) {
            PairPotential pot = Models.byName(c.model);
            int n = 200;
            Box box = Box.cubicForDensity(n, Models.defaultDensity(c.model));
            try (ParticleStore p = Configs.random(n, box, Models.defaultFractionA(c.model), c.dmin, 21)) {
                double u = 0, w = 0;
                double[][] f = new double[n][3];
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        double dx = box.minimumImage(p.x(i) - p.x(j), 0), dy = box.minimumImage(p.y(i) - p.y(j), 1), dz = box.minimumImage(p.z(i) - p.z(j), 2);
                        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                        double[] ef = c.ref.energyAndForceOverR(p.species(i), p.species(j), r);
                        u += ef[0];
                        w += r * r * ef[1];
                        double[] d = {dx, dy, dz};
                        for (int a = 0; a < 3; a++) { f[i][a] += ef[1] * d[a]; f[j][a] -= ef[1] * d[a]; }
                    }
                }
                assertTrue(Math.abs(u) > 10, c.model + ": pairs interact, U = " + u);
                try (NeighborList nl = Configs.bruteForce(p, box, pot.maxCutoff() + 0.3, NeighborList.Kind.FULL)) {
                    for (PairKernel k : new PairKernel[] {ScalarPairKernel.INSTANCE, PanamaPairKernel.INSTANCE}) {
                        try (Parallel team = new Parallel(2); ForceCompute fc = new ForceCompute(pot, team, k)) {
                            ForceCompute.Result res = fc.compute(p, box, nl, null);
                            String what = c.model + " " + k.getClass().getSimpleName();
                            assertEquals(u, res.energy(), 1e-11 * Math.abs(u), what + " energy");
                            assertEquals(w, res.virial(), 1e-11 * Math.max(1, Math.abs(w)), what + " virial");
                            for (int i = 0; i < n; i++) {
                                for (int a = 0; a < 3; a++) assertEquals(f[i][a], p.force(i, a), 1e-10 * Math.max(1, Math.abs(f[i][a])), what + " force " + i + "," + a);
                            }
                        }
                    }
                }
            }
        }
    }

}
