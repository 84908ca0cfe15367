package org.softglass.nativebridge;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Double-precision LAPACK (OpenBLAS's LAPACKE, single-threaded) on native {@link MemorySegment}s,
 * without copying the matrices.
 *
 * <p>Conventions are those of {@link Blas}: column-major storage, element {@code a(i, j)} at index
 * {@code i + j·lda}, {@code lda >= max(1, rows)}, native segments only, validation before the call
 * ({@link IllegalArgumentException} naming the parameter). Calls go to the {@code LAPACKE_*} entry
 * points with {@code LAPACK_COL_MAJOR}, so no transposition or copy happens inside LAPACKE (it does
 * allocate its own workspace). A non-zero {@code info} throws {@link LapackException} naming the
 * routine and the meaning; note that LAPACKE reports NaN entries in an input matrix as an illegal
 * value of that argument.
 */
public final class Lapack {
    private static final int COL_MAJOR = 102; // LAPACK_COL_MAJOR
    private static final int WORK_MEMORY_ERROR = -1010;
    private static final int TRANSPOSE_MEMORY_ERROR = -1011;

    private static final MethodHandle DPOTRF = OpenBlas.downcall("LAPACKE_dpotrf",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle DPOTRS = OpenBlas.downcall("LAPACKE_dpotrs",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT,
                    ADDRESS, JAVA_INT));
    private static final MethodHandle DSYEVR = OpenBlas.downcall("LAPACKE_dsyevr",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_BYTE, JAVA_BYTE, JAVA_INT, ADDRESS,
                    JAVA_INT, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, ADDRESS,
                    ADDRESS, JAVA_INT, ADDRESS));

    private static final List<String> DPOTRF_ARGS = List.of("matrix_layout", "uplo", "n", "a", "lda");
    private static final List<String> DPOTRS_ARGS =
            List.of("matrix_layout", "uplo", "n", "nrhs", "a", "lda", "b", "ldb");
    private static final List<String> DSYEVR_ARGS = List.of("matrix_layout", "jobz", "range", "uplo", "n", "a",
            "lda", "vl", "vu", "il", "iu", "abstol", "m", "w", "z", "ldz", "isuppz");

    /** {@code dlamch('S')}: the abstol LAPACK recommends for the most accurate eigenvalues. */
    private static final double SAFE_MINIMUM = Double.MIN_NORMAL;

    private Lapack() {
    }

    /**
     * Cholesky factorisation of a symmetric positive-definite matrix: {@code A = L·Lᵀ}
     * ({@link Triangle#LOWER}) or {@code A = Uᵀ·U} ({@link Triangle#UPPER}).
     *
     * <p>Only the {@code uplo} triangle of {@code a} is read, and it is <b>overwritten</b> with the
     * factor {@code L} or {@code U}; the other triangle is not touched (so it is not zeroed).
     *
     * @param uplo which triangle holds {@code A} on entry and the factor on exit
     * @param n    order of {@code A}, {@code >= 0}
     * @param a    column-major {@code n × n} matrix; <b>overwritten</b> (the {@code uplo} triangle)
     * @param lda  leading dimension of {@code a}, {@code >= max(1, n)}
     * @throws LapackException if the leading minor of some order {@code i} is not positive definite
     *                         ({@code info = i}), or {@code a} contains NaN
     */
    public static void dpotrf(Triangle uplo, int n, MemorySegment a, int lda) {
        Blas.checkEnum("uplo", uplo);
        Check.dim("n", n);
        Check.ld("lda", lda, n, "n");
        Check.matrix("a", a, n, n, lda, true);
        int info;
        try {
            info = (int) DPOTRF.invokeExact(COL_MAJOR, uplo.lapack, n, a, lda);
        } catch (Throwable t) {
            throw Blas.rethrow(t);
        }
        if (info > 0)
            throw new LapackException("dpotrf", info, "dpotrf: the leading minor of order " + info
                    + " is not positive definite; the factorization could not be completed");
        check("dpotrf", info, DPOTRF_ARGS);
    }

    /**
     * Solves {@code A·X = B} for a symmetric positive-definite {@code A} already factorised by
     * {@link #dpotrf} ({@code A = L·Lᵀ} or {@code Uᵀ·U}).
     *
     * @param uplo which triangle of {@code a} holds the factor (as passed to {@link #dpotrf})
     * @param n    order of {@code A}, {@code >= 0}
     * @param nrhs number of right-hand sides (columns of {@code B}), {@code >= 0}
     * @param a    the {@code n × n} factor from {@link #dpotrf}; not modified
     * @param lda  leading dimension of {@code a}, {@code >= max(1, n)}
     * @param b    column-major {@code n × nrhs} right-hand sides; <b>overwritten</b> with the solution {@code X}
     * @param ldb  leading dimension of {@code b}, {@code >= max(1, n)}
     * @throws LapackException if LAPACKE rejects an argument (e.g. NaN entries)
     */
    public static void dpotrs(Triangle uplo, int n, int nrhs, MemorySegment a, int lda, MemorySegment b, int ldb) {
        Blas.checkEnum("uplo", uplo);
        Check.dim("n", n);
        Check.dim("nrhs", nrhs);
        Check.ld("lda", lda, n, "n");
        Check.ld("ldb", ldb, n, "n");
        Check.matrix("a", a, n, n, lda, false);
        Check.matrix("b", b, n, nrhs, ldb, true);
        int info;
        try {
            info = (int) DPOTRS.invokeExact(COL_MAJOR, uplo.lapack, n, nrhs, a, lda, b, ldb);
        } catch (Throwable t) {
            throw Blas.rethrow(t);
        }
        check("dpotrs", info, DPOTRS_ARGS);
    }

    /**
     * All eigenvalues and, optionally, eigenvectors of a symmetric matrix: {@code A·z_j = w_j·z_j},
     * {@code w_0 <= w_1 <= … <= w_{n−1}}, {@code Zᵀ·Z = I} (LAPACK {@code dsyevr}, MRRR algorithm).
     *
     * <p>Only the {@code uplo} triangle of {@code a} is read; it is <b>destroyed</b> on exit.
     *
     * @param uplo which triangle of {@code a} holds {@code A}
     * @param n    order of {@code A}, {@code >= 0}
     * @param a    column-major {@code n × n} matrix; <b>overwritten</b> (the {@code uplo} triangle is destroyed)
     * @param lda  leading dimension of {@code a}, {@code >= max(1, n)}
     * @param w    at least {@code n} doubles; <b>overwritten</b> with the eigenvalues in ascending order
     * @param z    column-major {@code n × n} matrix; <b>overwritten</b>: column {@code j} is the unit eigenvector of
     *             {@code w_j}. Pass {@code null} for eigenvalues only.
     * @param ldz  leading dimension of {@code z}, {@code >= max(1, n)} when {@code z != null}, else {@code >= 1}
     * @return the number of eigenvalues found, {@code n}
     * @throws LapackException if LAPACK reports an internal error or an illegal argument (e.g. NaN entries)
     */
    public static int dsyevr(Triangle uplo, int n, MemorySegment a, int lda, MemorySegment w,
                             MemorySegment z, int ldz) {
        return dsyevr((byte) 'A', uplo, n, a, lda, 0, 0, 0, 0, w, z, ldz);
    }

    /**
     * Eigenvalues {@code il..iu} (1-based, inclusive, counted in ascending order) and optionally their
     * eigenvectors of a symmetric matrix (LAPACK {@code dsyevr} with {@code range = 'I'}).
     *
     * <p>Only the {@code uplo} triangle of {@code a} is read; it is <b>destroyed</b> on exit.
     *
     * @param uplo which triangle of {@code a} holds {@code A}
     * @param n    order of {@code A}, {@code >= 0}
     * @param a    column-major {@code n × n} matrix; <b>overwritten</b>
     * @param lda  leading dimension of {@code a}, {@code >= max(1, n)}
     * @param il   index of the smallest eigenvalue wanted, {@code 1 <= il <= iu} ({@code il = 1} if {@code n = 0})
     * @param iu   index of the largest eigenvalue wanted, {@code iu <= n} ({@code iu = 0} if {@code n = 0})
     * @param w    at least {@code n} doubles (LAPACK's requirement); the first {@code iu − il + 1} are
     *             <b>overwritten</b> with the selected eigenvalues, ascending
     * @param z    column-major {@code n × (iu − il + 1)} matrix; <b>overwritten</b> with the eigenvectors, or
     *             {@code null} for eigenvalues only
     * @param ldz  leading dimension of {@code z}, {@code >= max(1, n)} when {@code z != null}, else {@code >= 1}
     * @return the number of eigenvalues found, {@code iu − il + 1}
     * @throws LapackException if LAPACK reports an internal error or an illegal argument
     */
    public static int dsyevrIndexRange(Triangle uplo, int n, MemorySegment a, int lda, int il, int iu,
                                       MemorySegment w, MemorySegment z, int ldz) {
        if (n > 0 && (il < 1 || il > iu || iu > n))
            throw new IllegalArgumentException("il, iu must satisfy 1 <= il <= iu <= n = " + n + ", got il = "
                    + il + ", iu = " + iu);
        if (n == 0 && (il != 1 || iu != 0))
            throw new IllegalArgumentException("il, iu must be 1, 0 when n = 0, got il = " + il + ", iu = " + iu);
        return dsyevr((byte) 'I', uplo, n, a, lda, 0, 0, il, iu, w, z, ldz);
    }

    /**
     * The eigenvalues in the half-open interval {@code (vl, vu]} and optionally their eigenvectors of
     * a symmetric matrix (LAPACK {@code dsyevr} with {@code range = 'V'}).
     *
     * <p>Only the {@code uplo} triangle of {@code a} is read; it is <b>destroyed</b> on exit. The
     * count {@code m} is not known in advance, so {@code z} must have room for {@code n} columns.
     *
     * @param uplo which triangle of {@code a} holds {@code A}
     * @param n    order of {@code A}, {@code >= 0}
     * @param a    column-major {@code n × n} matrix; <b>overwritten</b>
     * @param lda  leading dimension of {@code a}, {@code >= max(1, n)}
     * @param vl   lower bound (exclusive), {@code vl < vu}
     * @param vu   upper bound (inclusive)
     * @param w    at least {@code n} doubles; the first {@code m} are <b>overwritten</b> with the eigenvalues found
     * @param z    column-major {@code n × n} matrix; its first {@code m} columns are <b>overwritten</b> with the
     *             eigenvectors, or {@code null} for eigenvalues only
     * @param ldz  leading dimension of {@code z}, {@code >= max(1, n)} when {@code z != null}, else {@code >= 1}
     * @return the number {@code m} of eigenvalues found in {@code (vl, vu]}
     * @throws LapackException if LAPACK reports an internal error or an illegal argument
     */
    public static int dsyevrValueRange(Triangle uplo, int n, MemorySegment a, int lda, double vl, double vu,
                                       MemorySegment w, MemorySegment z, int ldz) {
        if (!(vl < vu)) throw new IllegalArgumentException("vl must be < vu, got vl = " + vl + ", vu = " + vu);
        return dsyevr((byte) 'V', uplo, n, a, lda, vl, vu, 0, 0, w, z, ldz);
    }

    private static int dsyevr(byte range, Triangle uplo, int n, MemorySegment a, int lda, double vl, double vu,
                              int il, int iu, MemorySegment w, MemorySegment z, int ldz) {
        Blas.checkEnum("uplo", uplo);
        Check.dim("n", n);
        Check.ld("lda", lda, n, "n");
        boolean vectors = z != null && !z.equals(MemorySegment.NULL);
        if (vectors) Check.ld("ldz", ldz, n, "n");
        else if (ldz < 1) throw new IllegalArgumentException("ldz must be >= 1, got " + ldz);
        Check.matrix("a", a, n, n, lda, true);
        Check.segment("w", w, n, true);
        int columns = range == 'I' ? (n == 0 ? 0 : iu - il + 1) : n;
        if (vectors) Check.matrix("z", z, n, columns, ldz, true);
        int info;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(JAVA_INT);
            MemorySegment isuppz = arena.allocate(JAVA_INT, 2L * Math.max(1, n));
            MemorySegment zOrNull = vectors ? z : MemorySegment.NULL; // a local: invokeExact needs the static type
            byte jobz = (byte) (vectors ? 'V' : 'N');
            info = (int) DSYEVR.invokeExact(COL_MAJOR, jobz, range, uplo.lapack, n, a, lda,
                    vl, vu, il, iu, SAFE_MINIMUM, m, w, zOrNull, ldz, isuppz);
            if (info > 0)
                throw new LapackException("dsyevr", info, "dsyevr: internal error in the MRRR eigensolver (info = "
                        + info + "); the matrix may contain Inf or be badly scaled");
            check("dsyevr", info, DSYEVR_ARGS);
            return m.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw Blas.rethrow(t);
        }
    }

    /** Throws for a negative {@code info}, naming the LAPACKE argument (1-based, layout first). */
    private static void check(String routine, int info, List<String> args) {
        if (info == 0) return;
        if (info == WORK_MEMORY_ERROR)
            throw new LapackException(routine, info, routine + ": LAPACKE could not allocate its workspace");
        if (info == TRANSPOSE_MEMORY_ERROR)
            throw new LapackException(routine, info, routine + ": LAPACKE could not allocate a transposition buffer");
        if (info < 0) {
            int k = -info;
            String name = k <= args.size() ? " (" + args.get(k - 1) + ")" : "";
            throw new LapackException(routine, info, routine + ": argument " + k + name
                    + " had an illegal value (LAPACKE reports NaN entries of a matrix this way)");
        }
        throw new LapackException(routine, info, routine + ": failed with info = " + info);
    }
}
