package org.softglass.nativebridge;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BLAS routines against naive Java loops on odd sizes.
 *
 * <p>Tolerance: each entry is a sum of at most k ≤ 100 products; both the naive loop and BLAS satisfy
 * |fl(s) − s| ≤ γ_k Σ|terms| with γ_k ≈ k·2⁻⁵³ ≈ 1.1e-14, so the two differ by at most
 * 2.2e-14 · Σ|terms|. We allow 1e-12 · Σ|terms| (a wrong binding gives O(1) relative errors).
 * Padding rows of matrices (lda > rows) and the gaps of strided vectors hold NaN, so reading them
 * because of a wrong leading dimension or increment turns the result into NaN.
 */
class BlasTest {
    private static final double TOL = 1e-12;
    private static final int[] SIZES = {1, 7, 33, 100};

    /** Physical layout of a logical vector with BLAS increment inc (negative: reversed); gaps = pad. */
    static double[] strided(double[] v, int inc, double pad) {
        int n = v.length, s = Math.abs(inc);
        double[] p = new double[n == 0 ? 0 : 1 + (n - 1) * s];
        java.util.Arrays.fill(p, pad);
        for (int i = 0; i < n; i++) p[(inc > 0 ? i : n - 1 - i) * s] = v[i];
        return p;
    }

    /** Inverse of {@link #strided}. */
    static double[] gather(double[] p, int n, int inc) {
        int s = Math.abs(inc);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = p[(inc > 0 ? i : n - 1 - i) * s];
        return v;
    }

    static void assertClose(double expected, double actual, double scale, String what) {
        assertTrue(Math.abs(expected - actual) <= TOL * Math.max(scale, Double.MIN_NORMAL),
                () -> what + ": expected " + expected + ", got " + actual + " (scale " + scale + ")");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 33, 100})
    void ddotMatchesNaiveLoopWithStrides(int n) {
        Random rnd = new Random(n);
        double[] x = Mats.random(rnd, n, 1), y = Mats.random(rnd, n, 1);
        double dot = 0, abs = 0;
        for (int i = 0; i < n; i++) {
            dot += x[i] * y[i];
            abs += Math.abs(x[i] * y[i]);
        }
        try (Arena arena = Arena.ofConfined()) {
            assertClose(dot, Blas.ddot(n, Mats.toSegment(arena, x), Mats.toSegment(arena, y)), abs, "ddot");
            for (int[] inc : new int[][] {{2, 3}, {-1, 2}, {3, -2}}) {
                MemorySegment xs = Mats.toSegment(arena, strided(x, inc[0], Double.NaN));
                MemorySegment ys = Mats.toSegment(arena, strided(y, inc[1], Double.NaN));
                assertClose(dot, Blas.ddot(n, xs, inc[0], ys, inc[1]), abs, "ddot inc " + inc[0] + "," + inc[1]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 33, 100})
    void daxpyMatchesNaiveLoopAndLeavesGapsAlone(int n) {
        Random rnd = new Random(10 + n);
        double[] x = Mats.random(rnd, n, 1), y = Mats.random(rnd, n, 1);
        double alpha = -1.75;
        try (Arena arena = Arena.ofConfined()) {
            for (int[] inc : new int[][] {{1, 1}, {2, -3}}) {
                MemorySegment xs = Mats.toSegment(arena, strided(x, inc[0], Double.NaN));
                double[] yp = strided(y, inc[1], 12345.0);
                MemorySegment ys = Mats.toSegment(arena, yp);
                Blas.daxpy(n, alpha, xs, inc[0], ys, inc[1]);
                double[] out = Mats.fromSegment(ys, yp.length);
                double[] got = gather(out, n, inc[1]);
                for (int i = 0; i < n; i++)
                    assertClose(alpha * x[i] + y[i], got[i], Math.abs(alpha * x[i]) + Math.abs(y[i]), "daxpy " + i);
                long untouched = java.util.Arrays.stream(out).filter(v -> v == 12345.0).count();
                assertEquals(yp.length - n, untouched, "daxpy wrote outside the strided elements of y");
            }
        }
    }

    @Test
    void dgemvBothTransposesNonSquarePaddedStrided() {
        Random rnd = new Random(3);
        for (int m : SIZES)
            for (int n : new int[] {1, 7, 33}) {
                double[] a = Mats.random(rnd, m, n);
                int lda = m + 3;
                for (Transpose tr : Transpose.values()) {
                    boolean t = tr == Transpose.TRANSPOSE;
                    int xl = t ? m : n, yl = t ? n : m;
                    double[] x = Mats.random(rnd, xl, 1), y = Mats.random(rnd, yl, 1);
                    double alpha = 0.5, beta = -2.0;
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment as = Mats.toSegment(arena, a, m, n, lda, Double.NaN);
                        MemorySegment xs = Mats.toSegment(arena, strided(x, 2, Double.NaN));
                        MemorySegment ys = Mats.toSegment(arena, strided(y, -1, Double.NaN));
                        Blas.dgemv(tr, m, n, alpha, as, lda, xs, 2, beta, ys, -1);
                        double[] got = gather(Mats.fromSegment(ys, yl), yl, -1);
                        for (int i = 0; i < yl; i++) {
                            double s = 0, abs = 0;
                            for (int p = 0; p < xl; p++) {
                                double v = Mats.op(a, m, t, i, p) * x[p];
                                s += v;
                                abs += Math.abs(v);
                            }
                            assertClose(alpha * s + beta * y[i], got[i], Math.abs(alpha) * abs + Math.abs(beta * y[i]),
                                    "dgemv " + tr + " m=" + m + " n=" + n + " i=" + i);
                        }
                    }
                }
            }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 33, 100})
    void dsymvReadsOnlyTheGivenTriangle(int n) {
        Random rnd = new Random(20 + n);
        double[] a = Mats.randomSymmetric(rnd, n);
        double[] x = Mats.random(rnd, n, 1), y = Mats.random(rnd, n, 1);
        double alpha = 1.25, beta = 0.5;
        for (Triangle uplo : Triangle.values()) {
            double[] half = a.clone(); // the other triangle poisoned with NaN
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++)
                    if (uplo == Triangle.UPPER ? i > j : i < j) half[i + j * n] = Double.NaN;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment as = Mats.toSegment(arena, half, n, n, n + 2, Double.NaN);
                MemorySegment ys = Mats.toSegment(arena, y);
                Blas.dsymv(uplo, n, alpha, as, n + 2, Mats.toSegment(arena, x), 1, beta, ys, 1);
                double[] got = Mats.fromSegment(ys, n);
                for (int i = 0; i < n; i++) {
                    double s = 0, abs = 0;
                    for (int p = 0; p < n; p++) {
                        s += a[i + p * n] * x[p];
                        abs += Math.abs(a[i + p * n] * x[p]);
                    }
                    assertClose(alpha * s + beta * y[i], got[i], Math.abs(alpha) * abs + Math.abs(beta * y[i]),
                            "dsymv " + uplo + " i=" + i);
                }
            }
        }
    }

    @Test
    void dgemmAllTransposesNonSquareWithLeadingDimensionsLargerThanRows() {
        Random rnd = new Random(4);
        int[][] shapes = {{1, 1, 1}, {7, 33, 1}, {33, 7, 100}, {100, 1, 7}, {1, 100, 33}, {7, 7, 7}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (Transpose trA : Transpose.values())
                for (Transpose trB : Transpose.values()) {
                    boolean ta = trA == Transpose.TRANSPOSE, tb = trB == Transpose.TRANSPOSE;
                    int aRows = ta ? k : m, aCols = ta ? m : k, bRows = tb ? n : k, bCols = tb ? k : n;
                    double[] a = Mats.random(rnd, aRows, aCols), b = Mats.random(rnd, bRows, bCols);
                    double[] c = Mats.random(rnd, m, n);
                    int lda = aRows + 2, ldb = bRows + 5, ldc = m + 1;
                    double alpha = -0.75, beta = 1.5;
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment as = Mats.toSegment(arena, a, aRows, aCols, lda, Double.NaN);
                        MemorySegment bs = Mats.toSegment(arena, b, bRows, bCols, ldb, Double.NaN);
                        MemorySegment cs = Mats.toSegment(arena, c, m, n, ldc, 777.0);
                        Blas.dgemm(trA, trB, m, n, k, alpha, as, lda, bs, ldb, beta, cs, ldc);
                        double[] abs = new double[m * n];
                        double[] ab = Mats.multiply(a, aRows, ta, b, bRows, tb, m, n, k, abs);
                        double[] got = Mats.fromSegment(cs, m, n, ldc);
                        for (int i = 0; i < m * n; i++)
                            assertClose(alpha * ab[i] + beta * c[i], got[i],
                                    Math.abs(alpha) * abs[i] + Math.abs(beta * c[i]),
                                    "dgemm " + trA + "," + trB + " m=" + m + " n=" + n + " k=" + k + " entry " + i);
                        for (int j = 0; j + 1 < n; j++) // padding rows of C are left alone
                            for (int i = m; i < ldc; i++)
                                assertEquals(777.0, cs.getAtIndex(JAVA_DOUBLE, i + (long) j * ldc), "C padding");
                    }
                }
        }
    }

    @Test
    void dtrsmSolvesAllSideTriangleTransposeDiagonalCombinations() {
        Random rnd = new Random(5);
        for (int[] s : new int[][] {{1, 1}, {7, 33}, {33, 7}, {100, 3}}) {
            int m = s[0], n = s[1];
            for (Side side : Side.values())
                for (Triangle uplo : Triangle.values())
                    for (Transpose tr : Transpose.values())
                        for (Diagonal diag : Diagonal.values()) {
                            int order = side == Side.LEFT ? m : n;
                            double[] a = triangular(rnd, order, uplo, diag);
                            double[] b = Mats.random(rnd, m, n);
                            double alpha = 2.0;
                            try (Arena arena = Arena.ofConfined()) {
                                MemorySegment as = Mats.toSegment(arena, a, order, order, order + 1, Double.NaN);
                                MemorySegment bs = Mats.toSegment(arena, b, m, n, m + 4, Double.NaN);
                                Blas.dtrsm(side, uplo, tr, diag, m, n, alpha, as, order + 1, bs, m + 4);
                                double[] x = Mats.fromSegment(bs, m, n, m + 4);
                                double[] full = denseTriangle(a, order, uplo, diag);
                                boolean t = tr == Transpose.TRANSPOSE;
                                double[] back = side == Side.LEFT
                                        ? Mats.multiply(full, order, t, x, m, false, m, n, m, null)
                                        : Mats.multiply(x, m, false, full, order, t, m, n, n, null);
                                double[] rhs = b.clone();
                                for (int i = 0; i < rhs.length; i++) rhs[i] *= alpha;
                                double res = Mats.diffNorm(back, rhs) / Mats.norm(rhs);
                                assertTrue(res < 1e-10, side + " " + uplo + " " + tr + " " + diag + " m=" + m
                                        + " n=" + n + ": residual " + res);
                            }
                        }
        }
    }

    /** Well-conditioned triangular matrix; the unused triangle (and the diagonal for UNIT) is NaN. */
    private static double[] triangular(Random rnd, int n, Triangle uplo, Diagonal diag) {
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) {
                boolean inside = uplo == Triangle.UPPER ? i < j : i > j;
                a[i + j * n] = i == j ? (diag == Diagonal.UNIT ? Double.NaN : 1 + rnd.nextDouble())
                        : inside ? (2 * rnd.nextDouble() - 1) / n : Double.NaN;
            }
        return a;
    }

    /** The matrix the triangular storage stands for: zeros outside, ones on a unit diagonal. */
    private static double[] denseTriangle(double[] a, int n, Triangle uplo, Diagonal diag) {
        double[] d = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) {
                boolean inside = uplo == Triangle.UPPER ? i < j : i > j;
                d[i + j * n] = i == j ? (diag == Diagonal.UNIT ? 1 : a[i + j * n]) : inside ? a[i + j * n] : 0;
            }
        return d;
    }

    @Test
    void emptyDimensionsAreNoOps() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment empty = arena.allocate(0);
            assertEquals(0.0, Blas.ddot(0, empty, 1, empty, 1));
            Blas.dgemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 0, 0, 0, 1, empty, 1, empty, 1, 0, empty, 1);
        }
    }

    @Test
    void validationNamesTheParameter() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(JAVA_DOUBLE, 12), b = arena.allocate(JAVA_DOUBLE, 12),
                    c = arena.allocate(JAVA_DOUBLE, 12);
            Transpose nt = Transpose.NO_TRANSPOSE;
            assertMessage("lda", () -> Blas.dgemm(nt, nt, 3, 4, 3, 1, a, 2, b, 3, 0, c, 3));
            assertMessage("ldc", () -> Blas.dgemm(nt, nt, 3, 4, 3, 1, a, 3, b, 3, 0, c, 2));
            assertMessage("b is too small", () -> Blas.dgemm(nt, nt, 3, 4, 4, 1, a, 3, b, 4, 0, c, 3));
            assertMessage("m must be >= 0", () -> Blas.dgemm(nt, nt, -1, 4, 3, 1, a, 3, b, 3, 0, c, 3));
            assertMessage("incx must be non-zero", () -> Blas.ddot(3, a, 0, b, 1));
            assertMessage("y is too small", () -> Blas.ddot(7, a, 1, b, 2));
            assertMessage("x must be a native", () -> Blas.ddot(3, MemorySegment.ofArray(new double[3]), 1, b, 1));
            assertMessage("y is overwritten but read-only", () -> Blas.daxpy(3, 1, a, 1, b.asReadOnly(), 1));
            assertMessage("transA must not be null", () -> Blas.dgemm(null, nt, 1, 1, 1, 1, a, 1, b, 1, 0, c, 1));
        }
    }

    static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
