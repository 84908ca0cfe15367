package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * The factorised angular evaluation of {@link CentreWorker} (pair weight exp(shift − c s_jk) with
 * s_jk = r_k² − r_j·r_k, scale exp(−c r_j² − shift)) equals the brute-force {@link DescriptorOracle}
 * within the tolerance of {@link DescriptorBruteForceTest} (1e-10 of the column's |term| sum plus the
 * truncation bound n(n−1)/2 · τ), with both kernels, on hand-built configurations:
 * <ul>
 * <li>pairs placed at the skip distance of the pruning rule: for every ξ of {@code ka-266} and
 *   {@code ss-166} whose bound B = r_j² + r_k² + max(0, r_k − r_j)² = 2r² (equal radii) reaches
 *   ξ²T inside rmax, one pair at r = √(ξ²T/2)(1 − 1e-9) (kept) and one at (1 + 1e-9) (skipped), of
 *   species AA and AB, among random neighbours;</li>
 * <li>τ = 1e-120 with ζ = 64, where 2.25 T &gt; 640 and the pair exponents are shifted (σ ≈ 82): a wrong
 *   shift or scale would change every angular column by a factor e^±σ.</li>
 * </ul>
 */
class AngularFactorisationTest {

    /** A centre (slot 0, species A) at the box centre, {@code extra} placed neighbours, {@code random} random ones. */
    private static ParticleStore config(Box box, List<double[]> extra, int random, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double c = box.lx() / 2;
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
        assertTrue(2.25 * t > 640, "this spec engages the exponent shift (T = " + t + ")");
        try (ParticleStore p = config(box, List.of(), 90, 23)) {
            check(spec, box, p, "tau 1e-120, zeta 64");
        }
    }
}
