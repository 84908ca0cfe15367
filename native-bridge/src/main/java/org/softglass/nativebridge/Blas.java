package org.softglass.nativebridge;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Double-precision BLAS (OpenBLAS, single-threaded) on native {@link MemorySegment}s, without copying.
 *
 * <p><b>Conventions.</b> Matrices are column-major (the LAPACK convention): element {@code a(i, j)}
 * (0-based) of a matrix with leading dimension {@code lda} is the double at index {@code i + j·lda} of
 * its segment, and {@code lda >= max(1, rows)}. A vector {@code x} of length {@code n} with increment
 * {@code incx > 0} has elements at indices {@code 0, incx, …, (n−1)·incx}; a negative increment walks
 * the same elements backwards (BLAS convention). To start at an offset, pass {@code seg.asSlice(...)}.
 * Segments must be native (off-heap) and large enough for the stated shapes; heap arrays go through
 * {@link DenseArrays}. Output arguments must not overlap inputs. Arguments are validated before the
 * call: bad dimensions, leading dimensions, increments or segment sizes throw
 * {@link IllegalArgumentException} naming the parameter. If the natives are unavailable every
 * routine throws {@link NativeLibraryException}.
 *
 * <p>Symbols are bound with FFM downcalls to the {@code cblas_*} entry points of the copy of OpenBLAS
 * whose thread count {@link OpenBlas} sets to 1; the caller's arena must stay open during the call.
 */
public final class Blas {
    private static final int COL_MAJOR = 102; // CblasColMajor

    private static final MethodHandle DDOT = OpenBlas.downcall("cblas_ddot",
            FunctionDescriptor.of(JAVA_DOUBLE, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle DAXPY = OpenBlas.downcall("cblas_daxpy",
            FunctionDescriptor.ofVoid(JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle DGEMV = OpenBlas.downcall("cblas_dgemv",
            FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT,
                    ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT));
    private static final MethodHandle DSYMV = OpenBlas.downcall("cblas_dsymv",
            FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT,
                    ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT));
    private static final MethodHandle DGEMM = OpenBlas.downcall("cblas_dgemm",
            FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE,
                    ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT));
    private static final MethodHandle DTRSM = OpenBlas.downcall("cblas_dtrsm",
            FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                    JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));

    private Blas() {
    }

    /**
     * Dot product {@code Σ_{i<n} x[i·incx] · y[i·incy]}.
     *
     * @param n    number of elements, {@code >= 0} (0 gives 0)
     * @param x    vector of length {@code n}, stride {@code incx}; not modified
     * @param incx stride of {@code x}, non-zero
     * @param y    vector of length {@code n}, stride {@code incy}; not modified
     * @param incy stride of {@code y}, non-zero
     * @return {@code xᵀy}
     */
    public static double ddot(int n, MemorySegment x, int incx, MemorySegment y, int incy) {
        Check.twoVectors(n, x, incx, y, incy, false);
        try {
            return (double) DDOT.invokeExact(n, x, incx, y, incy);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Dot product of two contiguous vectors, {@code Σ_{i<n} x[i]·y[i]}; see {@link #ddot(int, MemorySegment, int, MemorySegment, int)}.
     *
     * @param n number of elements, {@code >= 0}
     * @param x vector of at least {@code n} doubles; not modified
     * @param y vector of at least {@code n} doubles; not modified
     * @return {@code xᵀy}
     */
    public static double ddot(int n, MemorySegment x, MemorySegment y) {
        return ddot(n, x, 1, y, 1);
    }

    /**
     * {@code y ← alpha·x + y}.
     *
     * @param n     number of elements, {@code >= 0}
     * @param alpha scalar
     * @param x     vector of length {@code n}, stride {@code incx}; not modified
     * @param incx  stride of {@code x}, non-zero
     * @param y     vector of length {@code n}, stride {@code incy}; <b>overwritten</b> with the result
     * @param incy  stride of {@code y}, non-zero
     */
    public static void daxpy(int n, double alpha, MemorySegment x, int incx, MemorySegment y, int incy) {
        Check.twoVectors(n, x, incx, y, incy, true);
        try {
            DAXPY.invokeExact(n, alpha, x, incx, y, incy);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@code y ← alpha·x + y} on contiguous vectors; see {@link #daxpy(int, double, MemorySegment, int, MemorySegment, int)}.
     *
     * @param n     number of elements, {@code >= 0}
     * @param alpha scalar
     * @param x     vector of at least {@code n} doubles; not modified
     * @param y     vector of at least {@code n} doubles; <b>overwritten</b>
     */
    public static void daxpy(int n, double alpha, MemorySegment x, MemorySegment y) {
        daxpy(n, alpha, x, 1, y, 1);
    }

    /**
     * General matrix-vector product {@code y ← alpha·op(A)·x + beta·y}, {@code op(A) = A} or {@code Aᵀ}.
     *
     * <p>{@code A} is the stored {@code m × n} matrix (whatever {@code trans} is); {@code op(A)·x}
     * has {@code m} rows for {@link Transpose#NO_TRANSPOSE} ({@code x} of length {@code n}, {@code y}
     * of length {@code m}) and {@code n} rows for {@link Transpose#TRANSPOSE} ({@code x} of length
     * {@code m}, {@code y} of length {@code n}). When {@code beta == 0}, {@code y} is not read.
     *
     * @param trans whether to use {@code A} or {@code Aᵀ}
     * @param m     rows of the stored {@code A}, {@code >= 0}
     * @param n     columns of the stored {@code A}, {@code >= 0}
     * @param alpha scalar multiplying {@code op(A)·x}
     * @param a     column-major {@code m × n} matrix; not modified
     * @param lda   leading dimension of {@code a}, {@code >= max(1, m)}
     * @param x     input vector, stride {@code incx}; not modified
     * @param incx  stride of {@code x}, non-zero
     * @param beta  scalar multiplying the old {@code y}
     * @param y     output vector, stride {@code incy}; <b>overwritten</b> with the result
     * @param incy  stride of {@code y}, non-zero
     */
    public static void dgemv(Transpose trans, int m, int n, double alpha, MemorySegment a, int lda,
                             MemorySegment x, int incx, double beta, MemorySegment y, int incy) {
        checkEnum("trans", trans);
        Check.dim("m", m);
        Check.dim("n", n);
        Check.ld("lda", lda, m, "m");
        Check.inc("incx", incx);
        Check.inc("incy", incy);
        boolean t = trans == Transpose.TRANSPOSE;
        Check.matrix("a", a, m, n, lda, false);
        Check.vector("x", x, t ? m : n, incx, false);
        Check.vector("y", y, t ? n : m, incy, true);
        try {
            DGEMV.invokeExact(COL_MAJOR, trans.cblas, m, n, alpha, a, lda, x, incx, beta, y, incy);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /**
     * Symmetric matrix-vector product {@code y ← alpha·A·x + beta·y}, where the symmetric
     * {@code n × n} matrix {@code A} is given by one triangle only.
     *
     * <p>Only the {@code uplo} triangle of {@code a} (diagonal included) is read; the other triangle
     * may hold anything. When {@code beta == 0}, {@code y} is not read.
     *
     * @param uplo  which triangle of {@code a} holds {@code A}
     * @param n     order of {@code A}, {@code >= 0}
     * @param alpha scalar multiplying {@code A·x}
     * @param a     column-major {@code n × n} matrix; not modified
     * @param lda   leading dimension of {@code a}, {@code >= max(1, n)}
     * @param x     vector of length {@code n}, stride {@code incx}; not modified
     * @param incx  stride of {@code x}, non-zero
     * @param beta  scalar multiplying the old {@code y}
     * @param y     vector of length {@code n}, stride {@code incy}; <b>overwritten</b> with the result
     * @param incy  stride of {@code y}, non-zero
     */
    public static void dsymv(Triangle uplo, int n, double alpha, MemorySegment a, int lda,
                             MemorySegment x, int incx, double beta, MemorySegment y, int incy) {
        checkEnum("uplo", uplo);
        Check.dim("n", n);
        Check.ld("lda", lda, n, "n");
        Check.inc("incx", incx);
        Check.inc("incy", incy);
        Check.matrix("a", a, n, n, lda, false);
        Check.vector("x", x, n, incx, false);
        Check.vector("y", y, n, incy, true);
        try {
            DSYMV.invokeExact(COL_MAJOR, uplo.cblas, n, alpha, a, lda, x, incx, beta, y, incy);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /**
     * General matrix-matrix product {@code C ← alpha·op(A)·op(B) + beta·C}.
     *
     * <p>Shapes: {@code op(A)} is {@code m × k}, {@code op(B)} is {@code k × n}, {@code C} is
     * {@code m × n}. So the stored {@code A} is {@code m × k} ({@code lda >= max(1, m)}) for
     * {@link Transpose#NO_TRANSPOSE} and {@code k × m} ({@code lda >= max(1, k)}) for
     * {@link Transpose#TRANSPOSE}; likewise the stored {@code B} is {@code k × n}
     * ({@code ldb >= max(1, k)}) or {@code n × k} ({@code ldb >= max(1, n)}). When {@code beta == 0},
     * {@code C} is not read.
     *
     * @param transA whether to use {@code A} or {@code Aᵀ}
     * @param transB whether to use {@code B} or {@code Bᵀ}
     * @param m      rows of {@code op(A)} and {@code C}, {@code >= 0}
     * @param n      columns of {@code op(B)} and {@code C}, {@code >= 0}
     * @param k      columns of {@code op(A)} = rows of {@code op(B)}, {@code >= 0}
     * @param alpha  scalar multiplying {@code op(A)·op(B)}
     * @param a      column-major stored {@code A}; not modified
     * @param lda    leading dimension of {@code a}
     * @param b      column-major stored {@code B}; not modified
     * @param ldb    leading dimension of {@code b}
     * @param beta   scalar multiplying the old {@code C}
     * @param c      column-major {@code m × n} matrix; <b>overwritten</b> with the result
     * @param ldc    leading dimension of {@code c}, {@code >= max(1, m)}
     */
    public static void dgemm(Transpose transA, Transpose transB, int m, int n, int k, double alpha,
                             MemorySegment a, int lda, MemorySegment b, int ldb,
                             double beta, MemorySegment c, int ldc) {
        checkEnum("transA", transA);
        checkEnum("transB", transB);
        Check.dim("m", m);
        Check.dim("n", n);
        Check.dim("k", k);
        boolean ta = transA == Transpose.TRANSPOSE, tb = transB == Transpose.TRANSPOSE;
        int aRows = ta ? k : m, aCols = ta ? m : k;
        int bRows = tb ? n : k, bCols = tb ? k : n;
        Check.ld("lda", lda, aRows, ta ? "k" : "m");
        Check.ld("ldb", ldb, bRows, tb ? "n" : "k");
        Check.ld("ldc", ldc, m, "m");
        Check.matrix("a", a, aRows, aCols, lda, false);
        Check.matrix("b", b, bRows, bCols, ldb, false);
        Check.matrix("c", c, m, n, ldc, true);
        try {
            DGEMM.invokeExact(COL_MAJOR, transA.cblas, transB.cblas, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /**
     * Triangular solve with multiple right-hand sides: {@code B ← X} where {@code op(A)·X = alpha·B}
     * ({@link Side#LEFT}) or {@code X·op(A) = alpha·B} ({@link Side#RIGHT}).
     *
     * <p>{@code B} is {@code m × n}; {@code A} is triangular of order {@code m} (left) or {@code n}
     * (right), and only its {@code uplo} triangle is read (with the diagonal taken as 1 for
     * {@link Diagonal#UNIT}). No singularity test is made: a zero on a non-unit diagonal gives
     * infinities or NaNs.
     *
     * @param side   whether {@code op(A)} multiplies {@code X} from the left or the right
     * @param uplo   whether {@code A} is upper or lower triangular
     * @param transA whether to use {@code A} or {@code Aᵀ}
     * @param diag   whether {@code A} has a unit diagonal
     * @param m      rows of {@code B}, {@code >= 0}
     * @param n      columns of {@code B}, {@code >= 0}
     * @param alpha  scalar multiplying {@code B}
     * @param a      column-major triangular matrix; not modified
     * @param lda    leading dimension of {@code a}, {@code >= max(1, m)} (left) or {@code >= max(1, n)} (right)
     * @param b      column-major {@code m × n} right-hand sides; <b>overwritten</b> with the solution {@code X}
     * @param ldb    leading dimension of {@code b}, {@code >= max(1, m)}
     */
    public static void dtrsm(Side side, Triangle uplo, Transpose transA, Diagonal diag, int m, int n, double alpha,
                             MemorySegment a, int lda, MemorySegment b, int ldb) {
        checkEnum("side", side);
        checkEnum("uplo", uplo);
        checkEnum("transA", transA);
        checkEnum("diag", diag);
        Check.dim("m", m);
        Check.dim("n", n);
        int order = side == Side.LEFT ? m : n;
        Check.ld("lda", lda, order, side == Side.LEFT ? "m" : "n");
        Check.ld("ldb", ldb, m, "m");
        Check.matrix("a", a, order, order, lda, false);
        Check.matrix("b", b, m, n, ldb, true);
        try {
            DTRSM.invokeExact(COL_MAJOR, side.cblas, uplo.cblas, transA.cblas, diag.cblas, m, n, alpha, a, lda, b, ldb);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static void checkEnum(String name, Enum<?> value) {
        if (value == null) throw new IllegalArgumentException(name + " must not be null");
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("native call failed", t);
    }
}
