package org.softglass.core.elastic;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.softglass.nativebridge.Lapack;
import org.softglass.nativebridge.LapackException;
import org.softglass.nativebridge.Triangle;

/**
 * Dense Cholesky solves of {@code M z = d} (LAPACK {@code dpotrf}/{@code dpotrs} through native-bridge)
 * for small systems, many right-hand sides at once.
 *
 * <p><b>Zero modes: pinning.</b> The 3 translations make M singular. Particle {@code pin} is held
 * fixed: its 3 rows and columns are removed, leaving the order-3(N−1) matrix M', which is positive
 * definite for a rigid (rattler-free, stable) packing. For a translation-free d (Σ_i d_i = 0) the
 * solution z' of {@code M' z' = d'} (d without the pinned particle), extended by z_pin = 0, solves the
 * full system: rows i ≠ pin hold by construction, and row pin holds because the rows of M z sum to
 * zero ({@code (Mz)_pin = −Σ_{i≠pin} d_i = d_pin}). Projecting out the mean translation gives the
 * translation-free solution, which equals the CG solution.
 *
 * <p>Memory: the factor is {@code 8·(3N−3)²} bytes off-heap (72 MB at N = 1000); refused above
 * 3N = 12 000 (1.1 GB). Cost O((3N)³/3) for the factorisation (single-threaded OpenBLAS), then
 * O((3N)² ) per right-hand side.
 */
public final class DenseHessian implements AutoCloseable {
    /** Largest matrix order 3N accepted. */
    public static final int MAX_ORDER = 12_000;

    private final int n, m, pin;
    private final Arena arena;
    private final MemorySegment factor;

    private DenseHessian(int n, int pin, Arena arena, MemorySegment factor) {
        this.n = n;
        this.m = 3 * (n - 1);
        this.pin = pin;
        this.arena = arena;
        this.factor = factor;
    }

    /** Factors M with particle 0 pinned; see {@link #factor(Hessian, int)}. */
    public static DenseHessian factor(Hessian h) { return factor(h, 0); }

    /**
     * Builds M' (M without the 3 rows and columns of particle {@code pin}) and factors it.
     *
     * @throws IllegalArgumentException if 3N exceeds {@link #MAX_ORDER} or pin is not a slot
     * @throws ElasticException if M' is not positive definite (zero modes beyond the translations)
     */
    public static DenseHessian factor(Hessian h, int pin) {
        int n = h.size();
        if (3 * n > MAX_ORDER) {
            throw new IllegalArgumentException("dense Cholesky path is for 3N <= " + MAX_ORDER + ", got 3N = " + 3 * n + "; use conjugate gradient");
        }
        if (pin < 0 || pin >= n) throw new IllegalArgumentException("pinned particle " + pin + " outside [0, " + n + ")");
        if (n < 2) throw new IllegalArgumentException("need at least 2 particles, got " + n);
        int m = 3 * (n - 1);
        Arena arena = Arena.ofShared();
        try {
            MemorySegment a = arena.allocate(JAVA_DOUBLE, (long) m * m);
            for (int i = 0; i < n; i++) {
                int ri = reduced(i, pin);
                for (int k = h.rowStart(i); k < h.rowStart(i + 1); k++) {
                    int j = h.column(k), rj = reduced(j, pin);
                    double[] b = {h.kxx[k], h.kxy[k], h.kxz[k], h.kxy[k], h.kyy[k], h.kyz[k], h.kxz[k], h.kyz[k], h.kzz[k]};
                    for (int r = 0; r < 3; r++) {
                        for (int c = 0; c < 3; c++) {
                            if (ri >= 0) add(a, m, 3 * ri + r, 3 * ri + c, b[3 * r + c]);
                            if (ri >= 0 && rj >= 0) add(a, m, 3 * ri + r, 3 * rj + c, -b[3 * r + c]);
                        }
                    }
                }
            }
            if (h.triplets() != null) {
                h.triplets().forEach((r, c, v) -> {
                    int rr = reduced(r / 3, pin), rc = reduced(c / 3, pin);
                    if (rr >= 0 && rc >= 0) add(a, m, 3 * rr + r % 3, 3 * rc + c % 3, v);
                });
            }
            try {
                Lapack.dpotrf(Triangle.LOWER, m, a, m);
            } catch (LapackException e) {
                throw new ElasticException("Hessian is singular or not positive definite beyond the 3 translations"
                        + " (Cholesky with particle " + pin + " pinned failed at minor " + e.info() + " of " + m
                        + "): a rattler or an unstable configuration");
            }
            return new DenseHessian(n, pin, arena, a);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static int reduced(int i, int pin) { return i == pin ? -1 : i < pin ? i : i - 1; }

    private static void add(MemorySegment a, int m, int r, int c, double v) {
        long idx = r + (long) m * c;
        a.setAtIndex(JAVA_DOUBLE, idx, a.getAtIndex(JAVA_DOUBLE, idx) + v);
    }

    /** Number of particles N. */
    public int size() { return n; }
    /** The pinned particle. */
    public int pinned() { return pin; }

    /**
     * Solves {@code M z = P d} for every right-hand side at once (one {@code dpotrs} call).
     *
     * @param rhs right-hand sides, each 3N (not modified; projected onto the translation-free subspace)
     * @return the translation-free solutions, one per right-hand side
     */
    public double[][] solve(double[][] rhs) {
        int k = rhs.length;
        double[][] out = new double[k][];
        if (k == 0) return out;
        try (Arena local = Arena.ofConfined()) {
            MemorySegment b = local.allocate(JAVA_DOUBLE, (long) m * k);
            for (int c = 0; c < k; c++) {
                if (rhs[c].length != 3 * n) throw new IllegalArgumentException("right-hand side " + c + " must have length 3N = " + 3 * n);
                double[] d = rhs[c].clone();
                Hessian.projectTranslations(d);
                for (int i = 0; i < n; i++) {
                    int ri = reduced(i, pin);
                    if (ri < 0) continue;
                    for (int a = 0; a < 3; a++) b.setAtIndex(JAVA_DOUBLE, 3 * ri + a + (long) m * c, d[3 * i + a]);
                }
            }
            Lapack.dpotrs(Triangle.LOWER, m, k, factor, m, b, m);
            for (int c = 0; c < k; c++) {
                double[] z = new double[3 * n];
                for (int i = 0; i < n; i++) {
                    int ri = reduced(i, pin);
                    if (ri < 0) continue;
                    for (int a = 0; a < 3; a++) z[3 * i + a] = b.getAtIndex(JAVA_DOUBLE, 3 * ri + a + (long) m * c);
                }
                Hessian.projectTranslations(z);
                out[c] = z;
            }
        }
        return out;
    }

    /** Frees the factor. */
    @Override
    public void close() { arena.close(); }
}
