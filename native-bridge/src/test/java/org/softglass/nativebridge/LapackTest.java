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
 * LAPACK routines checked by multiplying back with naive loops (never against LAPACK itself).
 *
 * <p>Tolerances: Cholesky and the symmetric eigensolver are backward stable, residuals are
 * O(n·u·‖A‖) ≈ 100 · 1.1e-16 ≈ 1e-14 relative for n ≤ 100; the solves have residuals
 * O(n·u·κ(A)) with κ ≤ ~10 here. We allow 1e-12 (factorisation, eigen) and 1e-10 (solves), far below
 * the O(1) errors of a wrong triangle, transpose or leading dimension. Unused triangles and padding
 * rows hold NaN, so reading them shows up.
 */
class LapackTest {

    private static boolean inTriangle(Triangle uplo, int i, int j) {
        return uplo == Triangle.UPPER ? i <= j : i >= j;
    }

    /** Copy of a symmetric matrix with the triangle outside {@code uplo} set to NaN. */
    private static double[] half(double[] a, int n, Triangle uplo) {
        double[] h = a.clone();
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) if (!inTriangle(uplo, i, j)) h[i + j * n] = Double.NaN;
        return h;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 33, 100})
    void dpotrfFactorMultipliesBackToA(int n) {
        double[] a = Mats.randomSpd(new Random(n), n);
        double normA = Mats.norm(a);
        for (Triangle uplo : Triangle.values()) {
            try (Arena arena = Arena.ofConfined()) {
                int lda = n + 2;
                MemorySegment as = Mats.toSegment(arena, half(a, n, uplo), n, n, lda, Double.NaN);
                Lapack.dpotrf(uplo, n, as, lda);
                double[] f = Mats.fromSegment(as, n, n, lda);
                double[] factor = new double[n * n]; // L (lower) or U (upper), zeros elsewhere
                for (int j = 0; j < n; j++)
                    for (int i = 0; i < n; i++) {
                        if (inTriangle(uplo, i, j)) factor[i + j * n] = f[i + j * n];
                        else assertTrue(Double.isNaN(f[i + j * n]), "dpotrf touched the other triangle");
                    }
                double[] back = uplo == Triangle.LOWER
                        ? Mats.multiply(factor, n, false, factor, n, true, n, n, n, null)  // L Lᵀ
                        : Mats.multiply(factor, n, true, factor, n, false, n, n, n, null); // Uᵀ U
                double res = Mats.diffNorm(back, a) / normA;
                assertTrue(res < 1e-12, uplo + " n=" + n + ": ‖LLᵀ − A‖/‖A‖ = " + res);
            }
        }
    }

    @Test
    void dpotrfNamesTheFailingLeadingMinor() {
        int n = 5;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) a[i + i * n] = 4;
        a[2 + 2 * n] = -1; // leading minors 1, 2 are PD, minor 3 is not
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment as = Mats.toSegment(arena, a, n, n, n, 0);
            LapackException e = assertThrows(LapackException.class, () -> Lapack.dpotrf(Triangle.LOWER, n, as, n));
            assertEquals("dpotrf", e.routine());
            assertEquals(3, e.info());
            assertTrue(e.getMessage().startsWith("dpotrf: the leading minor of order 3 is not positive definite"),
                    e.getMessage());
        }
    }

    @Test
    void nanInputIsReportedAsIllegalArgument() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment as = Mats.toSegment(arena, new double[] {1, Double.NaN, Double.NaN, 1}, 2, 2, 2, 0);
            LapackException e = assertThrows(LapackException.class, () -> Lapack.dpotrf(Triangle.LOWER, 2, as, 2));
            assertTrue(e.info() < 0);
            assertTrue(e.getMessage().contains("dpotrf: argument 4 (a) had an illegal value"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 33, 100})
    void dpotrsSolutionHasSmallResidual(int n) {
        Random rnd = new Random(100 + n);
        double[] a = Mats.randomSpd(rnd, n);
        for (Triangle uplo : Triangle.values())
            for (int nrhs : new int[] {1, 5}) {
                double[] b = Mats.random(rnd, n, nrhs);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment as = Mats.toSegment(arena, half(a, n, uplo), n, n, n + 1, Double.NaN);
                    MemorySegment bs = Mats.toSegment(arena, b, n, nrhs, n + 3, Double.NaN);
                    Lapack.dpotrf(uplo, n, as, n + 1);
                    Lapack.dpotrs(uplo, n, nrhs, as, n + 1, bs, n + 3);
                    double[] x = Mats.fromSegment(bs, n, nrhs, n + 3);
                    double[] ax = Mats.multiply(a, n, false, x, n, false, n, nrhs, n, null);
                    double res = Mats.diffNorm(ax, b) / Mats.norm(b);
                    assertTrue(res < 1e-10, uplo + " n=" + n + " nrhs=" + nrhs + ": ‖Ax − b‖/‖b‖ = " + res);
                }
            }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 33, 100})
    void dsyevrEigenpairsHaveSmallResidualsAndOrthonormalVectors(int n) {
        Random rnd = new Random(200 + n);
        double[] a = Mats.randomSymmetric(rnd, n);
        double normA = Mats.norm(a), trace = 0;
        for (int i = 0; i < n; i++) trace += a[i + i * n];
        for (Triangle uplo : Triangle.values()) {
            try (Arena arena = Arena.ofConfined()) {
                int lda = n + 1, ldz = n + 2;
                MemorySegment as = Mats.toSegment(arena, half(a, n, uplo), n, n, lda, Double.NaN);
                MemorySegment w = arena.allocate(JAVA_DOUBLE, n);
                MemorySegment z = Mats.toSegment(arena, new double[n * n], n, n, ldz, Double.NaN);
                assertEquals(n, Lapack.dsyevr(uplo, n, as, lda, w, z, ldz));
                double[] lam = Mats.fromSegment(w, n);
                double[] v = Mats.fromSegment(z, n, n, ldz);
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += lam[j];
                    if (j > 0) assertTrue(lam[j - 1] <= lam[j], "eigenvalues ascending");
                    double r = 0;
                    for (int i = 0; i < n; i++) {
                        double av = 0;
                        for (int p = 0; p < n; p++) av += a[i + p * n] * v[p + j * n];
                        r += Math.pow(av - lam[j] * v[i + j * n], 2);
                    }
                    assertTrue(Math.sqrt(r) / normA < 1e-12, uplo + " n=" + n + ": ‖Av − λv‖/‖A‖ = " + Math.sqrt(r) / normA);
                }
                double[] vtv = Mats.multiply(v, n, true, v, n, false, n, n, n, null);
                for (int j = 0; j < n; j++)
                    for (int i = 0; i < n; i++)
                        assertEquals(i == j ? 1.0 : 0.0, vtv[i + j * n], 1e-12, "VᵀV = I at " + i + "," + j);
                assertEquals(trace, sum, 1e-12 * Math.max(1, normA * Math.sqrt(n)), "trace = Σλ");
            }
        }
    }

    @Test
    void dsyevrMatchesKnownSpectrumOfSecondDifferenceMatrix() {
        int n = 33; // tridiag(−1, 2, −1): λ_k = 2 − 2 cos(kπ/(n+1)), k = 1..n
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i + i * n] = 2;
            if (i + 1 < n) a[i + 1 + i * n] = a[i + (i + 1) * n] = -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment w = arena.allocate(JAVA_DOUBLE, n);
            Lapack.dsyevr(Triangle.LOWER, n, Mats.toSegment(arena, a, n, n, n, 0), n, w, null, 1);
            for (int k = 1; k <= n; k++)
                assertEquals(2 - 2 * Math.cos(k * Math.PI / (n + 1)), w.getAtIndex(JAVA_DOUBLE, k - 1), 1e-13);
        }
    }

    @Test
    void dsyevrRangesSelectTheRightEigenvalues() {
        int n = 33;
        double[] a = Mats.randomSymmetric(new Random(7), n);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment wAll = arena.allocate(JAVA_DOUBLE, n);
            Lapack.dsyevr(Triangle.UPPER, n, Mats.toSegment(arena, a, n, n, n, 0), n, wAll, null, 1);
            double[] all = Mats.fromSegment(wAll, n);

            MemorySegment w = arena.allocate(JAVA_DOUBLE, n);
            MemorySegment z = arena.allocate(JAVA_DOUBLE, (long) n * 5);
            assertEquals(5, Lapack.dsyevrIndexRange(Triangle.UPPER, n, Mats.toSegment(arena, a, n, n, n, 0), n,
                    3, 7, w, z, n));
            for (int i = 0; i < 5; i++) assertEquals(all[i + 2], w.getAtIndex(JAVA_DOUBLE, i), 1e-12);

            double vl = -1.0, vu = 1.5;
            long expected = java.util.Arrays.stream(all).filter(x -> x > vl && x <= vu).count();
            int m = Lapack.dsyevrValueRange(Triangle.LOWER, n, Mats.toSegment(arena, a, n, n, n, 0), n, vl, vu,
                    w, arena.allocate(JAVA_DOUBLE, (long) n * n), n);
            assertEquals(expected, m);
            for (int i = 0; i < m; i++) assertTrue(w.getAtIndex(JAVA_DOUBLE, i) > vl && w.getAtIndex(JAVA_DOUBLE, i) <= vu);
        }
    }

    @Test
    void validationNamesTheParameter() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(JAVA_DOUBLE, 9), w = arena.allocate(JAVA_DOUBLE, 3);
            BlasTest.assertMessage("lda", () -> Lapack.dpotrf(Triangle.LOWER, 3, a, 2));
            BlasTest.assertMessage("a is too small", () -> Lapack.dpotrf(Triangle.LOWER, 4, a, 4));
            BlasTest.assertMessage("ldz", () -> Lapack.dsyevr(Triangle.LOWER, 3, a, 3, w, a, 2));
            BlasTest.assertMessage("w is too small", () -> Lapack.dsyevr(Triangle.LOWER, 3, a, 3, w.asSlice(8), null, 1));
            BlasTest.assertMessage("il, iu", () -> Lapack.dsyevrIndexRange(Triangle.LOWER, 3, a, 3, 2, 4, w, null, 1));
            BlasTest.assertMessage("vl must be < vu", () -> Lapack.dsyevrValueRange(Triangle.LOWER, 3, a, 3, 1, 1, w, null, 1));
            BlasTest.assertMessage("nrhs", () -> Lapack.dpotrs(Triangle.LOWER, 3, -1, a, 3, w, 3));
        }
    }
}
