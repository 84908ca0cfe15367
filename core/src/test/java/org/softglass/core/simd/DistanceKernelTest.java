package org.softglass.core.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistanceKernelTest {
    private static final DistanceKernel SCALAR = DistanceKernels.scalar(), PANAMA = DistanceKernels.panama();

    @Test
    void providerFollowsTheSimdSwitch() {
        assertEquals(Simd.enabled() ? PANAMA : SCALAR, DistanceKernels.get());
    }

    /** Every tail length 0..2×lanes+1 at several start offsets, random points in and out of the box. */
    @Test
    void scalarAndPanamaAgreeOnEveryTailLength() {
        SplittableRandom r = new SplittableRandom(1);
        PeriodicLengths box = PeriodicLengths.of(7.3, 9.1, 6.2);
        int lanes = PanamaDistanceKernel.lanes();
        for (int len = 0; len <= 2 * lanes + 1; len++) {
            for (int from = 0; from < 4; from++) {
                for (int rep = 0; rep < 20; rep++) {
                    int size = from + len + r.nextInt(3);
                    double[] xs = coords(r, size, box.lx()), ys = coords(r, size, box.ly()), zs = coords(r, size, box.lz());
                        double px = r.nextDouble(-2 * box.lx(), 3 * box.lx()), py = r.nextDouble(-box.ly(), box.ly()),
                            pz = r.nextDouble(0, box.lz());
                    double rmax = r.nextDouble(0.5, 3.1);
                    int[] a = new int[size + 5], b = new int[size + 5];
                    int na = SCALAR.collectWithin(px, py, pz, xs, ys, zs, from, from + len, box, rmax * rmax, a, 2);
                    int nb = PANAMA.collectWithin(px, py, pz, xs, ys, zs, from, from + len, box, rmax * rmax, b, 2);
                    assertEquals(na, nb, "count, len " + len);
                    assertArrayEquals(Arrays.copyOf(a, na), Arrays.copyOf(b, nb), "hits, len " + len);
                    // the direct (no periodic reduction) variant, on the point's nearest image
                    int[] c = new int[size + 5], d = new int[size + 5];
                    int nc = SCALAR.collectWithinDirect(px, py, pz, xs, ys, zs, from, from + len, 4 * rmax * rmax, c, 1);
                    int nd = PANAMA.collectWithinDirect(px, py, pz, xs, ys, zs, from, from + len, 4 * rmax * rmax, d, 1);
                    assertEquals(nc, nd, "direct count, len " + len);
                    assertArrayEquals(Arrays.copyOf(c, nc), Arrays.copyOf(d, nd), "direct hits, len " + len);
                    int q = 1;
                    for (int k = from; k < from + len; k++) {
                        double ex = px - xs[k], ey = py - ys[k], ez = pz - zs[k];
                        if (ex * ex + ey * ey + ez * ez < 4 * rmax * rmax) assertEquals(k, c[q++]);
                    }
                    assertEquals(q, nc);
                    // a radius per candidate (the builder's per-species-pair radii): both kernels, and the definition
                    double[] r2k = new double[size];
                    for (int k = 0; k < size; k++) r2k[k] = (k % 3 == 0 ? 4 : 1) * rmax * rmax;
                    int[] e = new int[size + 5], f = new int[size + 5];
                    int ne = SCALAR.collectWithinRadii(px, py, pz, xs, ys, zs, r2k, from, from + len, e, 1);
                    int nf = PANAMA.collectWithinRadii(px, py, pz, xs, ys, zs, r2k, from, from + len, f, 1);
                    assertArrayEquals(Arrays.copyOf(e, ne), Arrays.copyOf(f, nf), "radii hits, len " + len);
                    q = 1;
                    for (int k = from; k < from + len; k++) {
                        double ex = px - xs[k], ey = py - ys[k], ez = pz - zs[k];
                        if (ex * ex + ey * ey + ez * ez < r2k[k]) assertEquals(k, e[q++]);
                    }
                    assertEquals(q, ne);
                    // and the hits are exactly the reference definition
                    int m = 2;
                    for (int k = from; k < from + len; k++) {
                        if (box.distanceSquared(px - xs[k], py - ys[k], pz - zs[k]) < rmax * rmax) assertEquals(k, a[m++]);
                    }
                    assertEquals(m, na);
                }
            }
        }
    }

    /** Separations of exactly half a box and r² exactly at the radius: both kernels decide alike. */
    @Test
    void tiesAtHalfABoxAndAtTheRadius() {
        PeriodicLengths box = PeriodicLengths.of(8, 6, 5);
        int lanes = PanamaDistanceKernel.lanes();
        int n = 3 * lanes + 3;
        double[] xs = new double[n], ys = new double[n], zs = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = (k % 3 == 0) ? 4.0 : (k % 3 == 1) ? -4.0 : 12.0 + k * 0.25;
            ys[k] = (k % 2 == 0) ? 3.0 : -3.0;
            zs[k] = k % 5 == 0 ? 2.5 : 0.5 * (k % 4);
        }
        for (double r2 : new double[] {16, 16 + 9, 16 + 9 + 6.25, 25, Math.nextUp(25.0), 1, 4}) {
            int[] a = new int[n], b = new int[n];
            for (int from = 0; from < lanes; from++) {
                int na = SCALAR.collectWithin(0, 0, 0, xs, ys, zs, from, n, box, r2, a, 0);
                int nb = PANAMA.collectWithin(0, 0, 0, xs, ys, zs, from, n, box, r2, b, 0);
                assertEquals(na, nb);
                assertArrayEquals(Arrays.copyOf(a, na), Arrays.copyOf(b, nb), "r2 " + r2);
            }
        }
    }

    @Test
    void maxDisplacementAgreesOnEveryTailLength() {
        SplittableRandom r = new SplittableRandom(4);
        PeriodicLengths box = PeriodicLengths.of(10, 11, 12);
        try (Arena arena = Arena.ofConfined()) {
            for (int n = 0; n <= 2 * PanamaDistanceKernel.lanes() + 1; n++) {
                MemorySegment x = arena.allocate(8L * Math.max(1, n)), y = arena.allocate(8L * Math.max(1, n)),
                        z = arena.allocate(8L * Math.max(1, n));
                double[] rx = coords(r, n, 10), ry = coords(r, n, 11), rz = coords(r, n, 12);
                double expected = 0;
                for (int i = 0; i < n; i++) {
                    // small moves, some across a face (recorded as wrapped)
                    double dx = r.nextDouble(-0.3, 0.3), dy = r.nextDouble(-0.3, 0.3), dz = r.nextDouble(-0.3, 0.3);
                    x.setAtIndex(ValueLayout.JAVA_DOUBLE, i, rx[i] + dx + (i % 3 == 0 ? 10 : 0));
                    y.setAtIndex(ValueLayout.JAVA_DOUBLE, i, ry[i] + dy - (i % 4 == 0 ? 11 : 0));
                    z.setAtIndex(ValueLayout.JAVA_DOUBLE, i, rz[i] + dz);
                    expected = Math.max(expected, dx * dx + dy * dy + dz * dz);
                }
                double a = SCALAR.maxDisplacementSquared(x, y, z, rx, ry, rz, n, box);
                double b = PANAMA.maxDisplacementSquared(x, y, z, rx, ry, rz, n, box);
                assertEquals(a, b, 0.0, "n " + n);
                assertEquals(expected, a, 1e-12, "n " + n);
                if (n > 0) { // a NaN position (a blown-up run) reports NaN, so the list is rebuilt, in either kernel
                    x.setAtIndex(ValueLayout.JAVA_DOUBLE, n - 1, Double.NaN);
                    assertEquals(Double.NaN, SCALAR.maxDisplacementSquared(x, y, z, rx, ry, rz, n, box), "n " + n);
                    assertEquals(Double.NaN, PANAMA.maxDisplacementSquared(x, y, z, rx, ry, rz, n, box), "n " + n);
                    x.setAtIndex(ValueLayout.JAVA_DOUBLE, 0, Double.NaN);
                    assertEquals(Double.NaN, PANAMA.maxDisplacementSquared(x, y, z, rx, ry, rz, n, box), "n " + n);
                }
            }
        }
    }

    private static double[] coords(SplittableRandom r, int n, double l) {
        double[] c = new double[n];
        for (int k = 0; k < n; k++) c[k] = r.nextDouble(-l, 2 * l);
        return c;
    }
}
