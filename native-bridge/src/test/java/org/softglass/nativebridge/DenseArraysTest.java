package org.softglass.nativebridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The heap-array convenience overloads copy in and out correctly (numerics are tested on segments). */
class DenseArraysTest {

    @Test
    void dgemmOnArraysMatchesNaiveLoop() {
        Random rnd = new Random(1);
        int m = 7, n = 3, k = 5;
        double[] a = Mats.random(rnd, k, m), b = Mats.random(rnd, k, n), c = new double[m * n];
        DenseArrays.dgemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, 1, a, k, b, k, 0, c, m);
        assertArrayEquals(Mats.multiply(a, k, true, b, k, false, m, n, k, null), c, 1e-13);
        assertEquals(Mats.multiply(a, k, true, a, k, false, 1, 1, k, null)[0],
                DenseArrays.ddot(java.util.Arrays.copyOf(a, k), java.util.Arrays.copyOf(a, k)), 1e-13);
    }

    @Test
    void choleskySolveAndEigenOnArrays() {
        int n = 7;
        double[] a = Mats.randomSpd(new Random(2), n), f = a.clone(), b = Mats.random(new Random(3), n, 1);
        DenseArrays.dpotrf(Triangle.UPPER, n, f, n);
        double[] x = b.clone();
        DenseArrays.dpotrs(Triangle.UPPER, n, 1, f, n, x, n);
        assertArrayEquals(b, Mats.multiply(a, n, false, x, n, false, n, 1, n, null), 1e-12);

        double[] copy = a.clone();
        DenseArrays.SymmetricEigen e = DenseArrays.dsyevr(Triangle.LOWER, n, a, n, false);
        assertArrayEquals(copy, a, 0.0, "a is not modified");
        assertNull(e.vectors());
        double trace = 0, sum = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i + i * n];
            sum += e.values()[i];
        }
        assertEquals(trace, sum, 1e-12);
        assertEquals(n * n, DenseArrays.dsyevr(Triangle.LOWER, n, a, n, true).vectors().length);

        double[] notSpd = {1, 2, 2, 1};
        assertThrows(LapackException.class, () -> DenseArrays.dpotrf(Triangle.LOWER, 2, notSpd, 2));
    }
}
