package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;
import org.softglass.core.testutil.Fixtures;

/**
 * Every preset equals the brute-force oracle ({@link DescriptorOracle}) column by column, on a random
 * system in a box larger than 2 rmax (cell-list path) and on the LAMMPS KA fixture (N = 1000,
 * L = 9.41 &lt; 2 rmax: periodic-image path), thermal and inherent-structure frames, with both kernels.
 *
 * <p>Tolerance per column: {@code |got − want| ≤ 1e-10 · Σ|terms| + bound}. The first part covers
 * round-off: both sides add up to ~2·10⁵ terms in double precision in different orders (worst-case
 * relative error n·ε ≈ 2·10⁵ · 1.1·10⁻¹⁶ ≈ 2·10⁻¹¹ of the absolute sum), and the factorised Gaussian
 * f_j exp(−c s_jk) (c = 2/ξ², s_jk = r_k² − r_j·r_k) rounds its exponents (arguments ≤ ~100, so ~10⁻¹⁴
 * relative per term).
 * {@code bound} is the stated truncation bound: n·τ for radial, n(n−1)/2·τ for angular columns.
 */
class DescriptorBruteForceTest {

    static void assertRowsMatch(DescriptorSpec spec, Box box, ParticleStore p, int[] slots, double[] got, String what) {
        int m = spec.columnCount();
        List<DescriptorSpec.Column> cols = spec.columns();
        for (int r = 0; r < slots.length; r++) {
            DescriptorOracle.Row want = DescriptorOracle.row(spec, box, p, slots[r]);
            long n = want.neighbours();
            for (int c = 0; c < m; c++) {
                boolean radial = c < spec.radialColumns();
                double bound = spec.tolerance() * (radial ? n : n * (n - 1) / 2.0);
                double tol = 1e-10 * want.absSum()[c] + bound;
                double g = got[r * m + c], w = want.values()[c];
                if (!(Math.abs(g - w) <= tol)) {
                    fail(what + ": slot " + slots[r] + " column " + cols.get(c).name() + ": got " + g + ", brute force " + w + " (tol " + tol + ")");
                }
            }
        }
    }

    private static void check(String preset, Box box, ParticleStore p, int[] slots, String what) {
        DescriptorSpec spec = DescriptorSpec.preset(preset);
        for (DescriptorKernel k : new DescriptorKernel[] {DescriptorKernels.scalar(), DescriptorKernels.panama()}) {
            try (DescriptorCalculator calc = new DescriptorCalculator(spec, 2, k)) {
                double[] got = new double[slots.length * spec.columnCount()];
                calc.compute(box, p, slots, got, 0);
                assertRowsMatch(spec, box, p, slots, got, what + " " + preset + " " + k.name());
            }
        }
    }

    @Test
    void presetsMatchBruteForceOnRandomSystemLargerThanTwiceRmax() {
        Box box = Box.cubic(10.6);   // > 2 rmax = 10: cell-list path; N = 1300 gives ρ ≈ 1.09
        try (ParticleStore p = Configs.random(1300, box, 0.8, 0.75, 11)) {
            int[] slots = {0, 517, 1299};   // two A, one B
            for (String preset : DescriptorSpec.PRESETS) check(preset, box, p, slots, "random N=1300");
        }
    }

    @Test
    void presetsMatchBruteForceOnKaFixtureThermalAndInherent() throws IOException {
        for (String file : new String[] {"ka_N1000_T0.8_forces_frame.dump", "ka_N1000_T0.8_inherent_structure.dump"}) {
            try (Frame f = LammpsDumpReader.readFirst(Fixtures.lammps(file))) {
                assertEquals(1000, f.size());
                assertTrue(f.box().minLength() < 10, "fixture box is below 2 rmax: the periodic-image path is tested");
                int[] slots = {3, 900};   // ids 4 (A) and 901 (B)
                for (String preset : DescriptorSpec.PRESETS) check(preset, f.box(), f.particles(), slots, file);
            }
        }
    }
}
