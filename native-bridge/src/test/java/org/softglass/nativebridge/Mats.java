package org.softglass.nativebridge;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;

/**
 * Test helpers: dense column-major matrices as {@code double[]} (rows × cols, ld = rows) for the naive
 * reference loops, and their copies into native segments with a chosen leading dimension, the padding
 * rows filled with a sentinel (NaN makes any read of the padding visible in the result).
 */
final class Mats {
    private Mats() {
    }

    /** rows × cols with entries uniform in [-1, 1), column-major, ld = rows. */
    static double[] random(Random rnd, int rows, int cols) {
        double[] m = new double[rows * cols];
        for (int i = 0; i < m.length; i++) m[i] = 2 * rnd.nextDouble() - 1;
        return m;
    }

    /** A random symmetric n × n matrix (both triangles filled). */
    static double[] randomSymmetric(Random rnd, int n) {
        double[] m = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i <= j; i++) {
                double v = 2 * rnd.nextDouble() - 1;
                m[i + j * n] = v;
                m[j + i * n] = v;
            }
        return m;
    }

    /** A random symmetric positive-definite n × n matrix, M Mᵀ / n + I. */
    static double[] randomSpd(Random rnd, int n) {
        double[] m = random(rnd, n, n);
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int p = 0; p < n; p++) s += m[i + p * n] * m[j + p * n];
                a[i + j * n] = s / n + (i == j ? 1 : 0);
            }
        return a;
    }

    /** Copies rows × cols (ld = rows) into a native segment of cols × ld doubles, padding rows set to {@code pad}. */
    static MemorySegment toSegment(Arena arena, double[] m, int rows, int cols, int ld, double pad) {
        long size = cols == 0 ? 0 : (long) (cols - 1) * ld + rows;
        MemorySegment s = arena.allocate(JAVA_DOUBLE, Math.max(1, (long) cols * ld));
        for (long i = 0; i < (long) cols * ld; i++) s.setAtIndex(JAVA_DOUBLE, i, pad);
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < rows; i++) s.setAtIndex(JAVA_DOUBLE, i + (long) j * ld, m[i + j * rows]);
        return s.asSlice(0, size * Double.BYTES); // exactly the size BLAS may touch
    }

    /** A contiguous native copy of a vector. */
    static MemorySegment toSegment(Arena arena, double[] v) {
        MemorySegment s = arena.allocate(JAVA_DOUBLE, Math.max(1, v.length));
        MemorySegment.copy(v, 0, s, JAVA_DOUBLE, 0, v.length);
        return s.asSlice(0, (long) v.length * Double.BYTES);
    }

    /** Reads rows × cols with leading dimension ld back into a column-major array with ld = rows. */
    static double[] fromSegment(MemorySegment s, int rows, int cols, int ld) {
        double[] m = new double[rows * cols];
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < rows; i++) m[i + j * rows] = s.getAtIndex(JAVA_DOUBLE, i + (long) j * ld);
        return m;
    }

    /** Reads n doubles. */
    static double[] fromSegment(MemorySegment s, int n) {
        double[] v = new double[n];
        MemorySegment.copy(s, JAVA_DOUBLE, 0, v, 0, n);
        return v;
    }

    /** Element (i, j) of op(M), M stored rows × cols with ld = rows. */
    static double op(double[] m, int rows, boolean transpose, int i, int j) {
        return transpose ? m[j + i * rows] : m[i + j * rows];
    }

    /** Naive C = op(A)·op(B), m × n, with the absolute-value product |op(A)|·|op(B)| in {@code abs}. */
    static double[] multiply(double[] a, int aRows, boolean ta, double[] b, int bRows, boolean tb,
                             int m, int n, int k, double[] abs) {
        double[] c = new double[m * n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < m; i++) {
                double s = 0, t = 0;
                for (int p = 0; p < k; p++) {
                    double x = op(a, aRows, ta, i, p) * op(b, bRows, tb, p, j);
                    s += x;
                    t += Math.abs(x);
                }
                c[i + j * m] = s;
                if (abs != null) abs[i + j * m] = t;
            }
        return c;
    }

    /** Frobenius norm. */
    static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    /** ‖x − y‖_F. */
    static double diffNorm(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - y[i]) * (x[i] - y[i]);
        return Math.sqrt(s);
    }
}
