package org.softglass.core.trsp;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.softglass.nativebridge.Blas;
import org.softglass.nativebridge.Diagonal;
import org.softglass.nativebridge.Lapack;
import org.softglass.nativebridge.LapackException;
import org.softglass.nativebridge.Side;
import org.softglass.nativebridge.Transpose;
import org.softglass.nativebridge.Triangle;

/**
 * The detailed-balance restoring matrix H = 1 − sqrt(1 − K_Δ K'⁻¹) ({@code 002} eq 19, positive root),
 * computed without a non-symmetric square root (DESIGN §7) through OpenBLAS/LAPACK in native-bridge.
 *
 * <p><b>From K' (the full method).</b> With the Cholesky factor K' = L Lᵀ (dpotrf),
 * B = L⁻¹ K_Δ L⁻ᵀ (two dtrsm) is symmetric and K_Δ K'⁻¹ = L B L⁻¹, so
 * H = L g(B) L⁻¹ with g(λ) = 1 − √(1 − λ), g(B) = Z diag(g(λ)) Zᵀ from dsyevr, then dgemm and a
 * dtrsm. Cost ≈ 10 n³ flops, 4 n² doubles of memory.
 *
 * <p><b>From the precision G = K'⁻¹ (the windowed method).</b> With G = R Rᵀ, B = Rᵀ K_Δ R has the
 * eigenvalues of K_Δ G and H = R⁻ᵀ g(B) Rᵀ; {@link #fromPrecision} returns the symmetric
 * Φ = R⁻ᵀ g(B) R⁻¹ so that H = Φ G. When K_Δ vanishes outside a window W, H has non-zero rows only
 * in W and H_{W,:} = Φ_WW G_{W,:} with Φ_WW computed from G_WW and K_Δ,WW alone (expand g(x) = x·h(x)
 * in powers of K_Δ G: every term starts with K_Δ); this is what {@link WindowedKick} uses.
 *
 * <p>Every eigenvalue λ of B must lie in [0, 1]: λ &gt; 1 has no real square root (the kick is larger
 * than the softness fluctuation it acts on) and stops with an error naming λ_max. λ = 1 exactly is
 * the full reset H = 1 on that mode (e.g. the trap limit, η(0) = 1), so 1 is admitted up to round-off
 * ({@link #LAMBDA_SLACK}); DESIGN §7 writes [0, 1). Small negative λ from round-off are clamped to 0.
 */
public final class DetailedBalance {
    /** Round-off slack on the eigenvalue bounds of B. */
    public static final double LAMBDA_SLACK = 1e-9;

    private DetailedBalance() {
    }

    /**
     * A computed matrix with the eigenvalue range of B.
     *
     * @param matrix    column-major n × n: H ({@link #fromKPrime}) or Φ ({@link #fromPrecision})
     * @param lambdaMin smallest eigenvalue of B
     * @param lambdaMax largest eigenvalue of B
     */
    public record Result(double[] matrix, double lambdaMin, double lambdaMax) {
    }

    /**
     * H = L g(L⁻¹ K_Δ L⁻ᵀ) L⁻¹, K' = L Lᵀ.
     *
     * @param n      order
     * @param kPrime K' column-major n × n, symmetric positive definite; not modified
     * @param kDelta K_Δ column-major n × n, symmetric positive semi-definite; not modified
     * @return H (column-major) and the eigenvalue range of B
     * @throws IllegalArgumentException if K' is not positive definite or λ_max(B) &gt; 1
     */
    public static Result fromKPrime(int n, double[] kPrime, double[] kDelta) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment l = copy(arena, kPrime), b = copy(arena, kDelta);
            double[] range = hFromKPrime(arena, n, l, b);
            return new Result(toArray(b, (long) n * n), range[0], range[1]);
        }
    }

    /**
     * In-place segment version of {@link #fromKPrime}: {@code l} holds K' on entry and its Cholesky
     * factor L (lower, upper triangle zeroed) on exit; {@code b} holds K_Δ on entry and H on exit.
     * Allocates two more n × n work segments in {@code arena}.
     *
     * @return {λ_min, λ_max} of B
     */
    public static double[] hFromKPrime(Arena arena, int n, MemorySegment l, MemorySegment b) {
        cholesky(n, l, "K' (the softness covariance conditioned on the rearrangement)");
        // B = L⁻¹ K_Δ L⁻ᵀ
        Blas.dtrsm(Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, n, n, 1, l, n, b, n);
        Blas.dtrsm(Side.RIGHT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, n, n, 1, l, n, b, n);
        MemorySegment w = arena.allocate(JAVA_DOUBLE, n), z = arena.allocate(JAVA_DOUBLE, (long) n * n);
        Lapack.dsyevr(Triangle.LOWER, n, b, n, w, z, n);
        double[] range = checkedRange(n, w);
        MemorySegment gb = arena.allocate(JAVA_DOUBLE, (long) n * n);
        functionOf(n, w, z, b, gb); // gb = g(B); b is scratch
        // H = L g(B) L⁻¹: b = L·g(B), then solve X·L = b
        Blas.dgemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, n, n, n, 1, l, n, gb, n, 0, b, n);
        Blas.dtrsm(Side.RIGHT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, n, n, 1, l, n, b, n);
        return range;
    }

    /**
     * Φ = R⁻ᵀ g(Rᵀ K_Δ R) R⁻¹ with G = R Rᵀ, so that H = Φ G.
     *
     * @param n      order
     * @param g      G = K'⁻¹ (or its window block) column-major n × n, positive definite; not modified
     * @param kDelta K_Δ (window block) column-major n × n; not modified
     * @return Φ (column-major, symmetric) and the eigenvalue range of B
     * @throws IllegalArgumentException if G is not positive definite or λ_max(B) &gt; 1
     */
    public static Result fromPrecision(int n, double[] g, double[] kDelta) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment r = copy(arena, g), kd = copy(arena, kDelta);
            cholesky(n, r, "K'^-1 (the precision of the conditioned softness)");
            MemorySegment x = arena.allocate(JAVA_DOUBLE, (long) n * n), b = arena.allocate(JAVA_DOUBLE, (long) n * n);
            Blas.dgemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, n, n, n, 1, kd, n, r, n, 0, x, n); // K_Δ R
            Blas.dgemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, n, n, n, 1, r, n, x, n, 0, b, n);     // Rᵀ K_Δ R
            symmetrize(n, b);
            MemorySegment w = arena.allocate(JAVA_DOUBLE, n), z = arena.allocate(JAVA_DOUBLE, (long) n * n);
            Lapack.dsyevr(Triangle.LOWER, n, b, n, w, z, n);
            double[] range = checkedRange(n, w);
            functionOf(n, w, z, x, b); // b = g(B)
            // Φ = R⁻ᵀ g(B) R⁻¹
            Blas.dtrsm(Side.LEFT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, n, n, 1, r, n, b, n);
            Blas.dtrsm(Side.RIGHT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, n, n, 1, r, n, b, n);
            return new Result(toArray(b, (long) n * n), range[0], range[1]);
        }
    }

    private static void cholesky(int n, MemorySegment a, String what) {
        try {
            Lapack.dpotrf(Triangle.LOWER, n, a, n);
        } catch (LapackException e) {
            throw new org.softglass.core.util.Refusal(what + " is not positive definite (dpotrf: leading minor " + e.getMessage() + ")");
        }
        for (int j = 1; j < n; j++) for (int i = 0; i < j; i++) a.setAtIndex(JAVA_DOUBLE, i + (long) j * n, 0);
    }

    private static double[] checkedRange(int n, MemorySegment w) {
        double lo = n == 0 ? 0 : w.getAtIndex(JAVA_DOUBLE, 0), hi = n == 0 ? 0 : w.getAtIndex(JAVA_DOUBLE, n - 1);
        if (hi > 1 + LAMBDA_SLACK || Double.isNaN(hi))
            throw new IllegalArgumentException(String.format(
                    "detailed balance has no solution: λ_max(K_Δ K'^-1) = %.6f ≥ 1 (the kick covariance exceeds the softness covariance); "
                            + "lower sigmaDelta or the facilitation factor", hi));
        if (lo < -LAMBDA_SLACK * Math.max(1, hi))
            throw new IllegalArgumentException(String.format("K_Δ is not positive semi-definite: λ_min(K_Δ K'^-1) = %.3g < 0; check rhoDelta", lo));
        return new double[]{lo, hi};
    }

    /** out = Z diag(g(w)) Zᵀ; scratch is overwritten. */
    private static void functionOf(int n, MemorySegment w, MemorySegment z, MemorySegment scratch, MemorySegment out) {
        for (int j = 0; j < n; j++) {
            double lam = Math.min(1, Math.max(0, w.getAtIndex(JAVA_DOUBLE, j)));
            double g = 1 - Math.sqrt(1 - lam);
            long off = (long) j * n;
            for (int i = 0; i < n; i++) scratch.setAtIndex(JAVA_DOUBLE, off + i, z.getAtIndex(JAVA_DOUBLE, off + i) * g);
        }
        Blas.dgemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, n, n, n, 1, scratch, n, z, n, 0, out, n);
    }

    private static void symmetrize(int n, MemorySegment a) {
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++) {
                long ij = i + (long) j * n, ji = j + (long) i * n;
                double v = 0.5 * (a.getAtIndex(JAVA_DOUBLE, ij) + a.getAtIndex(JAVA_DOUBLE, ji));
                a.setAtIndex(JAVA_DOUBLE, ij, v);
                a.setAtIndex(JAVA_DOUBLE, ji, v);
            }
    }

    private static MemorySegment copy(Arena arena, double[] a) {
        MemorySegment s = arena.allocate(JAVA_DOUBLE, Math.max(1, a.length));
        MemorySegment.copy(a, 0, s, JAVA_DOUBLE, 0, a.length);
        return s;
    }

    private static double[] toArray(MemorySegment s, long n) {
        double[] a = new double[Math.toIntExact(n)];
        MemorySegment.copy(s, JAVA_DOUBLE, 0, a, 0, a.length);
        return a;
    }
}
