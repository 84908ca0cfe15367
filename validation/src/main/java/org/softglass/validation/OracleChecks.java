package org.softglass.validation;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.softglass.core.energy.FiniteDifferenceForce;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.space.Box;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorOracle;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.validation.Check.Comparison;

/** Production kernels against independent oracles: finite differences and brute-force loops. */
final class OracleChecks {
    private OracleChecks() {}

    /**
     * Every 7th particle's force components on the LAMMPS thermal frame (KA, N = 1000) against
     * −∂U/∂x by central differences, h = 1e-6 σ. Measured: the worst |F_fd − F|/max(1, |F|).
     * Tolerance 1e-5: the h² truncation (h²/6 · ∂³U ≈ 1e-12 · O(10³)) is negligible, and the round-off
     * of the difference of two total energies (~1e4 terms of |e| ≲ 10, relative 1e-16, so ≈ 1e-12 ε)
     * divided by 2h gives ≈ 5e-7 (measured worst: 2e-6 over 429 components); 1e-5 leaves a factor 5
     * and catches any force/energy mismatch (a wrong factor, shift or sign gives O(1)).
     */
    static Check forcesFiniteDifference() {
        return new Check("forces.finite-difference", "KA forces vs central differences of U (fixture frame, 429 components)",
                false, Comparison.WITHIN, ctx -> {
                    try (Frame f = LammpsDumpReader.readFirst(ctx.lammps(LammpsChecks.THERMAL));
                         ForceCompute fc = new ForceCompute(Models.ka(), ctx.threads());
                         NeighborListBuilder b = new NeighborListBuilder(f.box(), Models.ka().maxCutoff() + 0.3, ctx.threads())) {
                        ParticleStore p = f.particles();
                        Box box = f.box();
                        int n = p.size();
                        // the list with a 0.3 σ skin stays valid for displacements of 1e-6 σ
                        try (NeighborList nl = b.build(p, NeighborList.Kind.FULL)) {
                            fc.compute(p, box, nl, null);
                            double[][] force = new double[3][n];
                            for (int a = 0; a < 3; a++) for (int i = 0; i < n; i++) force[a][i] = p.force(i, a);
                            double h = 1e-6, worst = 0;
                            int count = 0;
                            for (int i = 0; i < n; i += 7) {
                                for (int a = 0; a < 3; a++) {
                                    double fd = FiniteDifferenceForce.of(fc, p, box, nl, i, a, h);
                                    worst = Math.max(worst, Math.abs(fd - force[a][i]) / Math.max(1, Math.abs(force[a][i])));
                                    count++;
                                }
                            }
                            return new Measurement(0, worst, 1e-5, count + " components, h = 1e-6");
                        }
                    }
                });
    }

    /**
     * The production cell-list neighbour builder against the brute-force O(N²) minimum-image rows,
     * FULL and HALF, on the LAMMPS fixture (N = 1000, L = 9.41, radius 2.8) and on a random N = 3000
     * system at ρ = 1.2 (L = 13.6). Measured: the number of rows that differ from the oracle (as sets,
     * since the order within a row is not part of the contract here); expected 0, tolerance 0: a list
     * is right or wrong.
     */
    static Check neighbourList() {
        return new Check("neighbours.brute-force", "cell-list neighbour rows (FULL+HALF) vs brute force, mismatching rows",
                false, Comparison.WITHIN, ctx -> {
                    int bad = 0, rows = 0;
                    try (Frame f = LammpsDumpReader.readFirst(ctx.lammps(LammpsChecks.THERMAL))) {
                        int[] r = compareLists(f.particles(), f.box(), 2.8, ctx.threads());
                        bad += r[0];
                        rows += r[1];
                    }
                    Box box = Box.cubicForDensity(3000, 1.2);
                    SplittableRandom rnd = new SplittableRandom(7 + ctx.seed());
                    try (ParticleStore p = ParticleStore.allocate(3000)) {
                        for (int i = 0; i < p.size(); i++) {
                            p.setPosition(i, box.lo(0) + rnd.nextDouble() * box.lx(), box.lo(1) + rnd.nextDouble() * box.ly(),
                                    box.lo(2) + rnd.nextDouble() * box.lz());
                        }
                        int[] r = compareLists(p, box, 2.8, ctx.threads());
                        bad += r[0];
                        rows += r[1];
                    }
                    return new Measurement(0, bad, 0, rows + " rows compared (fixture N=1000 and random N=3000, FULL and HALF)");
                });
    }

    /** {mismatching rows, rows compared} of the FULL and HALF lists against the brute-force rows. */
    private static int[] compareLists(ParticleStore p, Box box, double radius, int threads) {
        int bad = 0, rows = 0, n = p.size();
        double r2 = radius * radius;
        try (NeighborListBuilder b = new NeighborListBuilder(box, radius, threads)) {
            for (NeighborList.Kind kind : NeighborList.Kind.values()) {
                try (NeighborList list = b.build(p, kind)) {
                    if (list.size() != n) return new int[] {n, n};
                    int[] buf = new int[n];
                    for (int i = 0; i < n; i++) {
                        int m = 0;
                        for (int j = kind == NeighborList.Kind.HALF ? i + 1 : 0; j < n; j++) {
                            if (j != i && box.distanceSquared(p.x(i), p.y(i), p.z(i), p.x(j), p.y(j), p.z(j)) < r2) buf[m++] = j;
                        }
                        int[] want = Arrays.copyOf(buf, m), got = list.row(i).clone();
                        Arrays.sort(got);
                        if (!Arrays.equals(want, got)) bad++;
                        rows++;
                    }
                }
            }
        }
        return new int[] {bad, rows};
    }

    /**
     * The {@code ka-266} descriptor preset against {@link DescriptorOracle} on the LAMMPS fixture
     * (thermal frame; L = 9.41 &lt; 2 rmax, so the periodic-image path) for four centres (A and B).
     * Per column the allowed error is {@code 1e-10 · Σ|terms| + bound}: round-off (both sides add up
     * to ~2·10⁵ terms in different orders, worst case n·ε ≈ 2·10⁻¹¹ of the absolute sum; the
     * factorised Gaussians round their exponents, ~10⁻¹⁴ relative per term) plus the preset's stated
     * truncation bound, n·τ for radial and n(n−1)/2·τ for angular columns. Measured: the worst
     * |got − oracle| / allowed over all columns; pass iff ≤ 1.
     */
    static Check descriptors() {
        return new Check("descriptors.brute-force", "ka-266 descriptors vs brute-force oracle (4 centres), worst error / allowed",
                false, Comparison.WITHIN, ctx -> {
                    DescriptorSpec spec = DescriptorSpec.preset("ka-266");
                    try (Frame f = LammpsDumpReader.readFirst(ctx.lammps(LammpsChecks.THERMAL));
                         DescriptorCalculator calc = new DescriptorCalculator(spec, ctx.threads())) {
                        int[] slots = {3, 400, 799, 900};
                        int m = spec.columnCount();
                        double[] got = new double[slots.length * m];
                        calc.compute(f.box(), f.particles(), slots, got, 0);
                        double worst = 0, worstAbs = 0;
                        for (int r = 0; r < slots.length; r++) {
                            DescriptorOracle.Row want = DescriptorOracle.row(spec, f.box(), f.particles(), slots[r]);
                            long n = want.neighbours();
                            for (int c = 0; c < m; c++) {
                                double bound = spec.tolerance() * (c < spec.radialColumns() ? n : n * (n - 1) / 2.0);
                                double tol = 1e-10 * want.absSum()[c] + bound, err = Math.abs(got[r * m + c] - want.values()[c]);
                                worst = Math.max(worst, err / tol);
                                worstAbs = Math.max(worstAbs, err);
                            }
                        }
                        return new Measurement(0, worst, 1, String.format("%d columns x %d centres, worst |error| %.1e", m, slots.length, worstAbs));
                    }
                });
    }
}
