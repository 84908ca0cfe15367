package org.softglass.nativebridge;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Convenience overloads of {@link Blas} and {@link Lapack} on {@code double[]} (column-major).
 *
 * <p>Each call copies its arrays into a confined arena, calls the {@link MemorySegment} routine and
 * copies the outputs back, so it costs an allocation and O(size) copying: fine for tests, set-up code
 * and small matrices; hot paths should keep their data in native segments and call {@link Blas} or
 * {@link Lapack} directly. Shapes, validation and exceptions are those of the segment routines (size
 * errors name the parameter and count doubles).
 */
public final class DenseArrays {
    private DenseArrays() {
    }

    /**
     * Eigen-decomposition of a symmetric matrix.
     *
     * @param values  the {@code n} eigenvalues, ascending
     * @param vectors the eigenvectors as the columns of a column-major {@code n × n} array, or {@code null}
     */
    public record SymmetricEigen(double[] values, double[] vectors) {
    }

    /**
     * Dot product {@code Σ x[i]·y[i]} over {@code i < x.length}.
     *
     * @param x first vector; not modified
     * @param y second vector, same length as {@code x}; not modified
     * @return {@code xᵀy}
     */
    public static double ddot(double[] x, double[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length)
            throw new IllegalArgumentException("y must have the length of x (" + x.length + "), got " + y.length);
        try (Arena arena = Arena.ofConfined()) {
            return Blas.ddot(x.length, copy(arena, x), copy(arena, y));
        }
    }

    /**
     * {@code C ← alpha·op(A)·op(B) + beta·C}; see {@link Blas#dgemm} for shapes.
     *
     * @param transA whether to use {@code A} or {@code Aᵀ}
     * @param transB whether to use {@code B} or {@code Bᵀ}
     * @param m      rows of {@code op(A)} and {@code C}
     * @param n      columns of {@code op(B)} and {@code C}
     * @param k      columns of {@code op(A)} = rows of {@code op(B)}
     * @param alpha  scalar
     * @param a      stored {@code A}, column-major; not modified
     * @param lda    leading dimension of {@code a}
     * @param b      stored {@code B}, column-major; not modified
     * @param ldb    leading dimension of {@code b}
     * @param beta   scalar
     * @param c      {@code m × n} column-major; <b>overwritten</b> with the result
     * @param ldc    leading dimension of {@code c}
     */
    public static void dgemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
                             double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cs = copy(arena, Objects.requireNonNull(c, "c"));
            Blas.dgemm(transA, transB, m, n, k, alpha, copy(arena, Objects.requireNonNull(a, "a")), lda,
                    copy(arena, Objects.requireNonNull(b, "b")), ldb, beta, cs, ldc);
            MemorySegment.copy(cs, JAVA_DOUBLE, 0, c, 0, c.length);
        }
    }

    /**
     * Cholesky factorisation in place; see {@link Lapack#dpotrf}.
     *
     * @param uplo which triangle holds {@code A} on entry and the factor on exit
     * @param n    order of {@code A}
     * @param a    {@code n × n} column-major; its {@code uplo} triangle is <b>overwritten</b> with the factor
     * @param lda  leading dimension of {@code a}
     * @throws LapackException if {@code A} is not positive definite
     */
    public static void dpotrf(Triangle uplo, int n, double[] a, int lda) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment as = copy(arena, Objects.requireNonNull(a, "a"));
            Lapack.dpotrf(uplo, n, as, lda);
            MemorySegment.copy(as, JAVA_DOUBLE, 0, a, 0, a.length);
        }
    }

    /**
     * Solves {@code A·X = B} from a Cholesky factor; see {@link Lapack#dpotrs}.
     *
     * @param uplo which triangle of {@code a} holds the factor
     * @param n    order of {@code A}
     * @param nrhs number of right-hand sides
     * @param a    the factor from {@link #dpotrf}; not modified
     * @param lda  leading dimension of {@code a}
     * @param b    {@code n × nrhs} column-major; <b>overwritten</b> with the solution
     * @param ldb  leading dimension of {@code b}
     */
    public static void dpotrs(Triangle uplo, int n, int nrhs, double[] a, int lda, double[] b, int ldb) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bs = copy(arena, Objects.requireNonNull(b, "b"));
            Lapack.dpotrs(uplo, n, nrhs, copy(arena, Objects.requireNonNull(a, "a")), lda, bs, ldb);
            MemorySegment.copy(bs, JAVA_DOUBLE, 0, b, 0, b.length);
        }
    }

    /**
     * All eigenpairs of a symmetric matrix; see {@link Lapack#dsyevr}. Unlike the segment routine,
     * {@code a} is <b>not</b> modified (it is copied).
     *
     * @param uplo    which triangle of {@code a} holds {@code A}
     * @param n       order of {@code A}
     * @param a       {@code n × n} column-major; not modified
     * @param lda     leading dimension of {@code a}
     * @param vectors whether to compute the eigenvectors
     * @return ascending eigenvalues and, if asked, the eigenvectors as columns of an {@code n × n} array
     */
    public static SymmetricEigen dsyevr(Triangle uplo, int n, double[] a, int lda, boolean vectors) {
        Check.dim("n", n);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment w = arena.allocate(JAVA_DOUBLE, Math.max(1, n));
            MemorySegment z = vectors ? arena.allocate(JAVA_DOUBLE, Math.max(1, (long) n * n)) : null;
            Lapack.dsyevr(uplo, n, copy(arena, Objects.requireNonNull(a, "a")), lda, w, z, Math.max(1, n));
            double[] values = new double[n];
            MemorySegment.copy(w, JAVA_DOUBLE, 0, values, 0, n);
            double[] vecs = null;
            if (vectors) {
                vecs = new double[n * n];
                MemorySegment.copy(z, JAVA_DOUBLE, 0, vecs, 0, vecs.length);
            }
            return new SymmetricEigen(values, vecs);
        }
    }

    private static MemorySegment copy(Arena arena, double[] src) {
        MemorySegment s = arena.allocate(JAVA_DOUBLE, Math.max(1, src.length));
        MemorySegment.copy(src, 0, s, JAVA_DOUBLE, 0, src.length);
        return s.asSlice(0, (long) src.length * Double.BYTES);
    }
}
