package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;

/**
 * The truncation rule of {@link DescriptorSpec}: with τ = 1e-120 no angular pair is skipped for ka-266
 * (the largest pruning bound, (25 + 25 + 25)/0.695² ≈ 155, is below ln(1e120) ≈ 276) and each skipped
 * radial term is below 1e-120, so that run is the reference (exact to ~1e-117, far below every bound). Against it, truncated runs must (a) never exceed the exact value (all terms are ≥ 0
 * and truncation only drops terms), (b) differ by at most the stated bound n τ (radial) and
 * n(n−1)/2 τ (angular), and (c) for a large τ = 1e-3 actually differ (the rule is active).
 */
class TruncationTest {

    @Test
    void truncationErrorWithinStatedBound() {
        Box box = Box.cubic(10.6);
        try (ParticleStore p = Configs.random(1300, box, 0.8, 0.75, 21)) {
            int[] slots = {2, 700, 1250};
            DescriptorSpec exact = DescriptorSpec.preset("ka-266").withTolerance(1e-120);
            double[] ref = run(exact, box, p, slots);
            int m = exact.columnCount(), nr = exact.radialColumns();
            // neighbour counts: G_A + G_B at mu ~ the whole range is not a count; count directly
            int[] n = new int[slots.length];
            for (int r = 0; r < slots.length; r++) n[r] = BruteForceCount.neighbours(box, p, slots[r], exact.rmax());
            for (double tau : new double[] {1e-12, 1e-6, 1e-3}) {
                double[] got = run(exact.withTolerance(tau), box, p, slots);
                boolean differs = false;
                for (int r = 0; r < slots.length; r++) {
                    for (int c = 0; c < m; c++) {
                        double e = ref[r * m + c], g = got[r * m + c];
                        double bound = tau * (c < nr ? n[r] : n[r] * (n[r] - 1) / 2.0);
                        double roundoff = 1e-12 * Math.abs(e);   // same terms summed in the same order but fewer: ≤ n ε relative
                        assertTrue(g <= e + roundoff, "truncated exceeds exact, tau " + tau + " column " + c);
                        assertTrue(e - g <= bound + roundoff, "tau " + tau + " column " + c + ": error " + (e - g) + " > bound " + bound);
                        differs |= e - g > roundoff;
                    }
                }
                if (tau == 1e-3) assertTrue(differs, "with tau = 1e-3 some terms must be skipped");
            }
        }
    }

    private static double[] run(DescriptorSpec spec, Box box, ParticleStore p, int[] slots) {
        double[] out = new double[slots.length * spec.columnCount()];
        try (DescriptorCalculator c = new DescriptorCalculator(spec, 2)) {
            c.compute(box, p, slots, out, 0);
        }
        return out;
    }

    /** Neighbours within rmax by a direct minimum-image loop (box > 2 rmax here). */
    static final class BruteForceCount {
        static int neighbours(Box box, ParticleStore p, int i, double rmax) {
            int n = 0;
            for (int j = 0; j < p.size(); j++) {
                if (j != i && box.distanceSquared(p.x(i), p.y(i), p.z(i), p.x(j), p.y(j), p.z(j)) < rmax * rmax) n++;
            }
            return n;
        }
    }
}
