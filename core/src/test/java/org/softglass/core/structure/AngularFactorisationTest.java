package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * The angular evaluation of {@link CentreWorker} (pair lists of e = (r_j² + r_k² + r_jk²)/2 and cos θ, one
 * level per ξ in order of decreasing skip threshold, each compacting the list for the next) equals the
 * brute-force {@link DescriptorOracle} within the tolerance of {@link DescriptorBruteForceTest} (1e-10 of the
 * column's |term| sum plus the truncation bound n(n−1)/2 · τ), with both kernels, on hand-built configurations:
 * <ul>
 * <li>pairs placed at the skip distance of the old prefix rule (B = r_j² + r_k² + max(0, r_k − r_j)² = ξ²T,
 *   equal radii), of species AA and AB, among random neighbours;</li>
 * <li>pairs placed at the skip threshold of the per-pair rule, (r_j² + r_k² + r_jk²)/ξ² = T(1 ∓ 1e-9), for
 *   every ξ of {@code ka-266} at τ = 1e-3 that skips pairs, where each such term (≈ τ) is far above the
 *   round-off tolerance: the rows must equal a direct sum over exactly the pairs the rule keeps, so a pair
 *   kept or dropped by the wrong level, or lost by the compaction, fails (ξ = 14.638 keeps every pair and is
 *   evaluated by {@link MomentLevel}, within its stated bound);</li>
 * <li>τ = 1e-120 with ζ = 64, where the kept exponents reach T ≈ 320.7, the top of the range of the
 *   Vector-API exp.</li>
 * </ul>
 */
class AngularFactorisationTest {

    /** A centre (slot 0, species A) at the box centre, {@code extra} placed neighbours, {@code random} random ones. */
    private static ParticleStore config(Box box, List<double[]> extra, int random, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0, 0, 0});
        pts.addAll(extra);
        while (pts.size() < 1 + extra.size() + random) {
            double x = rnd.nextDouble(-5, 5), y = rnd.nextDouble(-5, 5), z = rnd.nextDouble(-5, 5);
            double r = Math.sqrt(x * x + y * y + z * z);
            if (r < 0.8 || r > 5.2) continue;
            boolean far = true;
            for (double[] p : pts) {
                double dx = p[0] - x, dy = p[1] - y, dz = p[2] - z;
                far &= dx * dx + dy * dy + dz * dz > 0.25;
            }
            if (far) pts.add(new double[] {x, y, z, rnd.nextDouble() < 0.8 ? 0 : 1});
        }
        return store(box, pts);
    }

    /** Particles at the box centre plus the offsets {x, y, z, species} of pts (ids 1, 2, …). */
    static ParticleStore store(Box box, List<double[]> pts) {
        double c = box.lx() / 2;
        ParticleStore p = ParticleStore.allocate(pts.size());
        for (int i = 0; i < pts.size(); i++) {
            double[] q = pts.get(i);
            p.setPosition(i, c + q[0], c + q[1], c + q[2]);
            p.setSpecies(i, (int) q[3]);
            p.setId(i, i + 1);
        }
        return p;
    }

    private static void check(DescriptorSpec spec, Box box, ParticleStore p, String what) {
        int[] slots = {0};
        for (DescriptorKernel k : new DescriptorKernel[] {DescriptorKernels.scalar(), DescriptorKernels.panama()}) {
            try (DescriptorCalculator calc = new DescriptorCalculator(spec, 1, k)) {
                double[] got = new double[spec.columnCount()];
                calc.compute(box, p, slots, got, 0);
                DescriptorBruteForceTest.assertRowsMatch(spec, box, p, slots, got, what + " " + k.name());
            }
        }
    }

    @Test
    void presetsMatchOracleWithPairsAtTheSkipDistance() {
        Box box = Box.cubic(12.0);   // > 2 rmax: cell-list path
        for (String preset : new String[] {"ka-266", "ss-166"}) {
            DescriptorSpec spec = DescriptorSpec.preset(preset);
            double logTau = Math.log(1 / spec.tolerance());
            List<double[]> extra = new ArrayList<>();
            int placed = 0;
            for (DescriptorSpec.Angular a : spec.angular()) {
                double worst = 0;
                for (DescriptorSpec.Angular b : spec.angular()) {
                    if (b.xi() == a.xi()) worst = Math.max(worst, b.zeta() * Math.log1p(Math.abs(b.lambda())));
                }
                double r = Math.sqrt(a.xi() * a.xi() * (logTau + worst) / 2);
                if (r >= spec.rmax() * 0.999 || extra.stream().anyMatch(e -> Math.abs(e[4] - a.xi()) < 1e-12)) continue;
                int g = placed++;
                for (double eps : new double[] {-1e-9, 1e-9}) {
                    double rr = r * (1 + eps);
                    // a pair (j, k) at equal radius rr, 70° apart, in a plane turned per ξ and per side
                    double phi = 0.9 * g + (eps > 0 ? 2.1 : 0), th = Math.toRadians(70);
                    double[] u = {Math.cos(phi), Math.sin(phi), 0.3}, v = {-Math.sin(phi), Math.cos(phi), -0.2};
                    double nu = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
                    double[] j = {rr * u[0] / nu, rr * u[1] / nu, rr * u[2] / nu};
                    double[] w = v.clone();
                    double dot = (w[0] * j[0] + w[1] * j[1] + w[2] * j[2]) / (rr * rr);
                    for (int a2 = 0; a2 < 3; a2++) w[a2] -= dot * j[a2];   // w ⟂ j
                    double nw = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
                    double[] k = new double[3];
                    for (int a2 = 0; a2 < 3; a2++) k[a2] = Math.cos(th) * j[a2] + Math.sin(th) * rr * w[a2] / nw;
                    extra.add(new double[] {j[0], j[1], j[2], 0, a.xi()});
                    extra.add(new double[] {k[0], k[1], k[2], g % 2, a.xi()});   // AA for one ξ, AB for the next
                }
            }
            assertTrue(placed >= 2, "the test places boundary pairs for at least two ξ (" + placed + ")");
            try (ParticleStore p = config(box, extra, 60, 17)) {
                check(spec, box, p, preset + " boundary pairs");
            }
        }
    }

    @Test
    void extremeToleranceShiftsExponentsAndStillMatchesOracle() {
        Box box = Box.cubic(12.0);
        DescriptorSpec spec = new DescriptorSpec(null, 5.0, new int[] {0, 1},
                List.of(new DescriptorSpec.Radial(1.0, 0.05)),
                List.of(new DescriptorSpec.Angular(0.5, 1, 64), new DescriptorSpec.Angular(0.5, -1, 3),
                        new DescriptorSpec.Angular(0.9, 1, 64), new DescriptorSpec.Angular(2.0, 1, 1)), 1e-120);
        double t = Math.log(1e120) + 64 * Math.log(2);
        assertTrue(t > 320, "this spec's kept exponents reach the top of the exp's tested range (T = " + t + ")");
        try (ParticleStore p = config(box, List.of(), 90, 23)) {
            check(spec, box, p, "tau 1e-120, zeta 64");
        }
    }

    @Test
    void pairsAtThePerPairThresholdAreKeptOrSkippedExactly() {
        Box box = Box.cubic(12.0);
        DescriptorSpec spec = DescriptorSpec.preset("ka-266").withTolerance(1e-3);
        double logTau = Math.log(1 / spec.tolerance());
        List<double[]> extra = new ArrayList<>();
        List<Double> xis = new ArrayList<>();
        for (DescriptorSpec.Angular a : spec.angular()) if (!xis.contains(a.xi())) xis.add(a.xi());
        double th = Math.toRadians(70);
        int g = 0;
        for (double xi : xis) {
            double t = threshold(spec, xi, logTau);
            // equal radii r at angle θ: r_j² + r_k² + r_jk² = 2r²(2 − cos θ)
            double r = Math.sqrt(xi * xi * t / (2 * (2 - Math.cos(th))));
            if (r >= spec.rmax() * 0.98) continue;
            for (double eps : new double[] {-1e-9, 1e-9}) {
                double rr = r * Math.sqrt(1 + eps), phi = 0.7 * g++;
                double[] j = {rr * Math.cos(phi), rr * Math.sin(phi), 0};
                double[] k = {rr * Math.cos(th) * Math.cos(phi), rr * Math.cos(th) * Math.sin(phi), rr * Math.sin(th)};
                if (g % 3 == 0) { j[2] = j[1]; j[1] = 0; k[2] = k[1]; k[1] = rr * Math.sin(th); }   // vary the plane
                extra.add(new double[] {j[0], j[1], j[2], 0});
                extra.add(new double[] {k[0], k[1], k[2], g % 2});
            }
        }
        assertTrue(g >= 10, "boundary pairs for at least five ξ (" + g / 2 + ")");
        try (ParticleStore p = config(box, extra, 50, 31)) {
            int m = spec.columnCount();
            double[] want = new double[m], abs = new double[m], edge = new double[m];
            keptSum(spec, p, logTau, want, abs, edge);
            // the test is sensitive: for every placed ξ, a boundary pair's term is far above some column's tolerance
            for (double xi : xis) {
                if (Math.sqrt(xi * xi * threshold(spec, xi, logTau) / (2 * (2 - Math.cos(th)))) >= spec.rmax() * 0.98) continue;
                double ratio = 0;
                for (int c = spec.radialColumns(); c < m; c++) {
                    if (spec.columns().get(c).xi() == xi && edge[c] > 0) ratio = Math.max(ratio, edge[c] / (1e-12 * abs[c]));
                }
                assertTrue(ratio > 100, "xi " + xi + ": boundary term / tolerance " + ratio);
            }
            for (DescriptorKernel k : new DescriptorKernel[] {DescriptorKernels.scalar(), DescriptorKernels.panama()}) {
                try (DescriptorCalculator calc = new DescriptorCalculator(spec, 1, k)) {
                    double[] got = new double[m];
                    calc.compute(box, p, new int[] {0}, got, 0);
                    long nn = DescriptorOracle.row(spec, box, p, 0).neighbours();
                    for (int c = spec.radialColumns(); c < m; c++) {
                        // the same terms, another order and exp: round-off ≤ ~1e-14 of the |term| sum; a ξ that keeps
                        // every pair (14.638) goes to the moment expansion, whose error per pair is ≤ τ instead
                        double xi = spec.columns().get(c).xi();
                        boolean all = xi * xi * threshold(spec, xi, logTau) / 2 >= 3 * spec.rmax() * spec.rmax();
                        double tol = 1e-12 * abs[c] + (all ? nn * (nn - 1) / 2.0 * spec.tolerance() : 0);
                        assertTrue(Math.abs(got[c] - want[c]) <= tol, k.name() + " column " + spec.columns().get(c).name()
                                + ": got " + got[c] + ", kept-pair sum " + want[c] + " (tol " + tol + ")");
                    }
                }
            }
        }
    }

    /** T of ξ: ln(1/τ) + max ζ ln(1 + |λ|) over the triplets of that ξ. */
    private static double threshold(DescriptorSpec spec, double xi, double logTau) {
        double worst = 0;
        for (DescriptorSpec.Angular b : spec.angular()) if (b.xi() == xi) worst = Math.max(worst, b.zeta() * Math.log1p(Math.abs(b.lambda())));
        return logTau + worst;
    }

    /**
     * The angular columns of centre slot 0 (box &gt; 2 rmax, centre away from the faces: no images) summed
     * directly over the neighbour pairs that the per-pair rule keeps ((r_j² + r_k² + r_jk²)/ξ² ≤ T), with
     * |term| sums into abs and, into edge, the largest term of a pair within 1e-6 of the threshold (what a
     * wrong keep/skip decision changes).
     */
    private static void keptSum(DescriptorSpec spec, ParticleStore p, double logTau, double[] want, double[] abs, double[] edge) {
        List<double[]> nb = new ArrayList<>();
        for (int j = 1; j < p.size(); j++) {
            double dx = p.x(j) - p.x(0), dy = p.y(j) - p.y(0), dz = p.z(j) - p.z(0);
            if (dx * dx + dy * dy + dz * dz < spec.rmax() * spec.rmax()) nb.add(new double[] {dx, dy, dz, p.species(j)});
        }
        int nt = spec.angular().size(), off = spec.radialColumns();
        for (int a = 0; a < nb.size(); a++) {
            for (int b = a + 1; b < nb.size(); b++) {
                double[] u = nb.get(a), v = nb.get(b);
                double ra2 = u[0] * u[0] + u[1] * u[1] + u[2] * u[2], rb2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
                double ex = u[0] - v[0], ey = u[1] - v[1], ez = u[2] - v[2], rab2 = ex * ex + ey * ey + ez * ez;
                double cos = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) / Math.sqrt(ra2 * rb2);
                int pair = (int) (u[3] + v[3]);   // AA 0, AB 1, BB 2
                for (int t = 0; t < nt; t++) {
                    DescriptorSpec.Angular an = spec.angular().get(t);
                    double x = (ra2 + rb2 + rab2) / (an.xi() * an.xi()), tt = threshold(spec, an.xi(), logTau);
                    double term = Math.exp(-x) * Math.pow(1 + an.lambda() * cos, an.zeta());
                    int c = off + pair * nt + t;
                    if (Math.abs(x / tt - 1) < 1e-6) edge[c] = Math.max(edge[c], term);
                    if (x > tt) continue;
                    want[c] += term;
                    abs[c] += Math.abs(term);
                }
            }
        }
    }

    /**
     * Neighbours on two opposite rays only (jittered by 1e-7): every pair has cos θ ≈ ±1, so the factors
     * (1 ± cos θ)^ζ are ≈ 0 or ≈ 2^ζ and the power sums of the ζ ≤ 2 levels (Σ w, Σ w cos, Σ w cos²) cancel
     * almost completely for some columns; the rows must still equal the oracle within its tolerance.
     */
    @Test
    void collinearNeighboursWherePowerSumsCancel() {
        Box box = Box.cubic(12.0);
        List<double[]> extra = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int k = 0; k < 8; k++) {
            double r = 1.0 + 0.55 * k;
            extra.add(new double[] {r, 1e-7 * rnd.nextDouble(), 1e-7 * rnd.nextDouble(), k % 3 == 0 ? 1 : 0});
            extra.add(new double[] {-r - 0.2, 1e-7 * rnd.nextDouble(), 1e-7 * rnd.nextDouble(), k % 2});
        }
        try (ParticleStore p = config(box, extra, 0, 3)) {
            for (String preset : new String[] {"ka-266", "ss-166"}) check(DescriptorSpec.preset(preset), box, p, preset + " collinear");
            check(DescriptorSpec.preset("ka-266").withTolerance(1e-120), box, p, "ka-266 tau 1e-120 collinear");
        }
    }
}
