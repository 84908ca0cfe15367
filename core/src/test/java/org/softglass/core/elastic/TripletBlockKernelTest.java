package org.softglass.core.elastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.simd.PanamaSupport;
import org.softglass.core.testutil.RaggedRows;

/**
 * The Vector-API and scalar {@link TripletBlockKernel}s against each other and against the products of the code they
 * replaced ({@link LegacyTripletBlocks#addProduct}, {@code addProductMany}), on synthetic blocks whose rows hold
 * 0 .. 3·lanes + 2 blocks (every remainder of the lane loop; rows in shuffled order, random distinct columns,
 * random elements in [−1, 1]), x and the initial y random in [−1, 1].
 *
 * <p>Tolerances. The scalar kernel repeats the old loops' expressions in the same order: 0. The Vector-API kernels
 * sum the same 3·c products of a row in another order (lane partial sums, fused multiply-adds), so each result and
 * the scalar one are both within {@code γ_k Σ|terms|} of the exact sum with k ≤ 3c + lanes + 1 additions
 * (Higham, recursive summation), hence differ by at most {@code 2 (3c + lanes + 1) ε (Σ_t Σ_c |b x| + |y₀|)}.
 */
class TripletBlockKernelTest {
    private static final int LANES = PanamaSupport.DOUBLE.length();
    private static final double EPS = Math.ulp(1.0) / 2;

    /** Rows of every length 0 .. 3·lanes + 2, twice over, shuffled; columns distinct and ascending in 0 .. n−1. */
    private static TripletBlocks synthetic(SplittableRandom rnd) {
        int kinds = 3 * LANES + 3, n = 2 * kinds;
        int[] len = RaggedRows.shuffledLengths(n, kinds, rnd);
        int[] rowStart = RaggedRows.starts(len);
        int nb = rowStart[n];
        int[] col3 = new int[nb];
        for (int l = 0; l < n; l++) {
            // len[l] distinct columns out of n, ascending (selection sampling)
            int need = len[l], t = rowStart[l];
            for (int m = 0; m < n && need > 0; m++) {
                if (rnd.nextInt(n - m) < need) {
                    col3[t++] = 3 * m;
                    need--;
                }
            }
        }
        double[] b = new double[9 * nb];
        for (int k = 0; k < b.length; k++) b[k] = rnd.nextDouble(-1, 1);
        return new TripletBlocks(rowStart, col3, b, 0, 0, new double[3 * n], new double[3 * n]);
    }

    private static double[] random(SplittableRandom rnd, int len) {
        double[] v = new double[len];
        for (int k = 0; k < len; k++) v[k] = rnd.nextDouble(-1, 1);
        return v;
    }

    /** The bound above for component a of row l of vector s (nr interleaved; nr = 1 for the flat layout). */
    private static double bound(TripletBlocks tb, double[] x, double[] y0, int nr, int l, int a, int s) {
        double sum = Math.abs(y0[(3 * l + a) * nr + s]);
        int c = tb.rowStart[l + 1] - tb.rowStart[l];
        for (int t = tb.rowStart[l]; t < tb.rowStart[l + 1]; t++) {
            for (int q = 0; q < 3; q++) sum += Math.abs(tb.element(t, a, q) * x[(tb.col3[t] + q) * nr + s]);
        }
        return 2.0 * (3 * c + LANES + 1) * EPS * sum;
    }

    /**
     * y += B x: the scalar kernel equals the old loop bit for bit and is the same for any split of the rows; the
     * Vector-API kernel is within the round-off bound of the scalar one on every row length, gives the same bits
     * for any split of the rows, and is not merely the scalar kernel (some row differs in the last bits).
     */
    @Test
    void singleVectorOnEveryTailLength() {
        SplittableRandom rnd = new SplittableRandom(3);
        TripletBlockKernel scalar = TripletBlockKernels.scalar(), panama = TripletBlockKernels.panama();
        int differing = 0;
        for (int rep = 0; rep < 10; rep++) {
            TripletBlocks tb = synthetic(rnd);
            int n = tb.rowStart.length - 1;
            double[] x = random(rnd, 3 * n), y0 = random(rnd, 3 * n);
            double[] old = y0.clone(), ys = y0.clone(), yv = y0.clone(), ysSplit = y0.clone(), yvSplit = y0.clone();
            LegacyTripletBlocks.of(tb).addProduct(x, old, 0, n);
            scalar.addRows(tb, x, ys, 0, n);
            panama.addRows(tb, x, yv, 0, n);
            int cut = 1 + rnd.nextInt(n - 1);
            scalar.addRows(tb, x, ysSplit, cut, n);
            scalar.addRows(tb, x, ysSplit, 0, cut);
            panama.addRows(tb, x, yvSplit, cut, n);
            panama.addRows(tb, x, yvSplit, 0, cut);
            assertArrayEquals(old, ys, "scalar kernel = old loop");
            assertArrayEquals(ys, ysSplit, "scalar: any split of the rows");
            assertArrayEquals(yv, yvSplit, "Vector API: any split of the rows");
            for (int l = 0; l < n; l++) {
                for (int a = 0; a < 3; a++) {
                    int k = 3 * l + a;
                    assertEquals(ys[k], yv[k], bound(tb, x, y0, 1, l, a, 0), "row " + l + " (" + (tb.rowStart[l + 1] - tb.rowStart[l]) + " blocks)");
                    if (ys[k] != yv[k]) differing++;
                }
            }
        }
        assertTrue(differing > 0, "the Vector-API kernel ran (fused multiply-adds change some last bits)");
    }

    /**
     * Y += B X for nr = 1 .. 2·lanes + 1 interleaved vectors (full lane groups and every remainder): the scalar
     * kernel equals the old blocked loop bit for bit and, per vector, the scalar single product bit for bit; the
     * Vector-API kernel is within the round-off bound of the scalar one, and for the vectors after the last full
     * lane group (its scalar tail) equal to it bit for bit.
     */
    @Test
    void manyVectorsOnEveryCount() {
        SplittableRandom rnd = new SplittableRandom(5);
        TripletBlockKernel scalar = TripletBlockKernels.scalar(), panama = TripletBlockKernels.panama();
        TripletBlocks tb = synthetic(rnd);
        int n = tb.rowStart.length - 1, m = 3 * n;
        for (int nr = 1; nr <= 2 * LANES + 1; nr++) {
            double[] x = random(rnd, m * nr), y0 = random(rnd, m * nr);
            double[] old = y0.clone(), ys = y0.clone(), yv = y0.clone();
            LegacyTripletBlocks.of(tb).addProductMany(x, old, nr, 0, n);
            scalar.addRowsMulti(tb, x, ys, nr, 0, n);
            panama.addRowsMulti(tb, x, yv, nr, 0, n);
            assertArrayEquals(old, ys, "scalar blocked kernel = old loop, nr = " + nr);
            int full = nr - nr % LANES;
            for (int s = 0; s < nr; s++) {
                double[] xs = new double[m], y1 = new double[m];
                for (int k = 0; k < m; k++) {
                    xs[k] = x[k * nr + s];
                    y1[k] = y0[k * nr + s];
                }
                scalar.addRows(tb, xs, y1, 0, n);
                for (int l = 0; l < n; l++) {
                    for (int a = 0; a < 3; a++) {
                        int k = (3 * l + a) * nr + s;
                        assertEquals(y1[3 * l + a], ys[k], 0.0, "blocked scalar = single scalar, nr = " + nr + ", vector " + s);
                        if (s >= full) assertEquals(ys[k], yv[k], 0.0, "scalar tail, nr = " + nr + ", vector " + s);
                        else assertEquals(ys[k], yv[k], bound(tb, x, y0, nr, l, a, s), "nr = " + nr + ", vector " + s + ", row " + l);
                    }
                }
            }
        }
    }
}
