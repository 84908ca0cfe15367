package org.softglass.core.rearrange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.softglass.core.io.Frame;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;

/** D²_min: zero for affine motion, equal to a brute-force least-squares fit otherwise. */
class D2minTest {
    private static final Box BOX = Box.cubic(7.0);
    private static final double RC = 1.6;

    /** Current frame: unwrapped reference positions plus displacement u (3N), wrapped with images. */
    private static Frame moved(ParticleStore ref, double[] u) {
        ParticleStore p = ref.copy();
        for (int i = 0; i < p.size(); i++) {
            for (int a = 0; a < 3; a++) {
                p.setPos(i, a, ref.unwrapped(i, a, BOX) + u[3 * i + a]);
                p.setImage(i, a, 0);
            }
        }
        p.wrapInto(BOX);
        return Frame.of(1000, BOX, p);
    }

    @Test
    void affineDeformationGivesZero() {
        // particles in the middle of a big box so that the affine map of unwrapped positions is also
        // the affine map of every neighbour separation (no pair crosses the boundary)
        Box big = Box.cubic(30.0);
        SplittableRandom r = new SplittableRandom(5);
        ParticleStore p = ParticleStore.allocate(400);
        for (int i = 0; i < 400; i++) p.setPosition(i, 10 + 7 * r.nextDouble(), 10 + 7 * r.nextDouble(), 10 + 7 * r.nextDouble());
        double[][] j = {{1.02, 0.03, -0.01}, {0.015, 0.98, 0.02}, {-0.02, 0.01, 1.01}};
        ParticleStore q = p.copy();
        for (int i = 0; i < 400; i++) {
            double[] x = {p.x(i) - 13, p.y(i) - 13, p.z(i) - 13};
            for (int a = 0; a < 3; a++) q.setPos(i, a, 13 + j[a][0] * x[0] + j[a][1] * x[1] + j[a][2] * x[2] + 0.3);
        }
        try (Frame a = Frame.of(0, big, p); Frame b = Frame.of(1, big, q); Parallel par = new Parallel(2)) {
            double[] d2 = D2min.compute(a, b, RC, par).d2min();
            int defined = 0;
            for (double v : d2) {
                if (Double.isNaN(v)) continue; // isolated particles with < 3 non-coplanar neighbours
                defined++;
                // round-off: separations O(1) σ with ~1e-16 relative error, ~20 neighbours → residual² ≲ 1e-28
                assertEquals(0.0, v, 1e-24);
            }
            assertTrue(defined > 350, "most particles have enough neighbours: " + defined);
        }
    }

    @Test
    void matchesBruteForceLeastSquares() {
        ParticleStore ref = Configs.random(300, BOX, 0.8, 0.7, 9);
        for (int i = 0; i < 300; i++) ref.setImage(i, i % 3, (i % 5) - 2); // non-zero images must not matter
        SplittableRandom r = new SplittableRandom(10);
        double[] u = new double[900];
        for (int k = 0; k < 900; k++) u[k] = 0.08 * (2 * r.nextDouble() - 1) + (k % 3 == 0 ? 0.01 * (k / 3 % 7) : 0);
        try (Frame a = Frame.of(0, BOX, ref); Frame b = moved(ref, u); Parallel par = new Parallel(3)) {
            D2min.Result res = D2min.compute(a, b, RC, par);
            double[] d2 = res.d2min();
            for (int i = 0; i < 300; i++) {
                double want = bruteForce(ref, u, i);
                int neighbours = 0;
                for (int j = 0; j < 300; j++) {
                    if (j != i && BOX.distanceSquared(ref.x(i), ref.y(i), ref.z(i), ref.x(j), ref.y(j), ref.z(j)) < RC * RC) neighbours++;
                }
                assertEquals(neighbours, res.neighbors()[i], "neighbours of slot " + i);
                // both solve the same 3m×9 least-squares problem (m ≈ 15 neighbours, well conditioned);
                // 1e-10 relative covers the difference between normal equations and QR
                assertEquals(want, d2[i], 1e-10 * Math.max(want, 1e-6), "slot " + i);
            }
            try (Parallel one = new Parallel(1)) {
                double[] again = D2min.compute(a, b, RC, one).d2min();
                for (int i = 0; i < 300; i++) assertEquals(d2[i], again[i], 0.0);
            }
        }
    }

    /** O(N) neighbour search with Box.distanceSquared and a QR least-squares fit of the 9 entries of J. */
    private static double bruteForce(ParticleStore p, double[] u, int i) {
        java.util.List<double[]> rows = new java.util.ArrayList<>(); // {d0x, d0y, d0z, dx, dy, dz}
        for (int jn = 0; jn < p.size(); jn++) {
            if (jn == i || BOX.distanceSquared(p.x(i), p.y(i), p.z(i), p.x(jn), p.y(jn), p.z(jn)) >= RC * RC) continue;
            double[] d0 = new double[3], d = new double[3];
            for (int a = 0; a < 3; a++) {
                d0[a] = BOX.minimumImage(p.pos(jn, a) - p.pos(i, a), a);
                d[a] = d0[a] + u[3 * jn + a] - u[3 * i + a];
            }
            rows.add(new double[] {d0[0], d0[1], d0[2], d[0], d[1], d[2]});
        }
        int m = rows.size();
        double[][] mat = new double[3 * m][9];
        double[] rhs = new double[3 * m];
        for (int k = 0; k < m; k++) {
            double[] row = rows.get(k);
            for (int a = 0; a < 3; a++) {
                for (int c = 0; c < 3; c++) mat[3 * k + a][3 * a + c] = row[c];
                rhs[3 * k + a] = row[3 + a];
            }
        }
        Array2DRowRealMatrix aM = new Array2DRowRealMatrix(mat, false);
        RealVector b = new ArrayRealVector(rhs, false);
        RealVector jv = new QRDecomposition(aM).getSolver().solve(b);
        RealVector res = b.subtract(aM.operate(jv));
        return res.dotProduct(res);
    }
}
