package org.softglass.core.elastic;

import org.softglass.nativebridge.DenseArrays;
import org.softglass.nativebridge.Triangle;

/**
 * All vibrational modes of a small system: the eigen-decomposition {@code M = Σ_k λ_k v_k v_kᵀ} of the
 * dense Hessian by LAPACK {@code dsyevr} (native-bridge), eigenvalues ascending. The 3 lowest are the
 * translations (|λ| at round-off level); {@link #kappa} uses the others only. O((3N)³) time and
 * 16 (3N)² bytes: for N up to a few hundred (checks and the {@code hessian --modes} report).
 */
public final class HessianModes {
    private final int order;
    private final double[] values;
    private final double[] vectors;

    private HessianModes(int order, double[] values, double[] vectors) {
        this.order = order;
        this.values = values;
        this.vectors = vectors;
    }

    /** Decomposes the dense Hessian (refused for 3N &gt; {@link DenseHessian#MAX_ORDER}). */
    public static HessianModes of(Hessian h) {
        int m = h.dimension();
        if (m > DenseHessian.MAX_ORDER) throw new IllegalArgumentException("eigen-decomposition is for 3N <= " + DenseHessian.MAX_ORDER + ", got " + m);
        DenseArrays.SymmetricEigen e = DenseArrays.dsyevr(Triangle.LOWER, m, h.dense(), m, true);
        return new HessianModes(m, e.values(), e.vectors());
    }

    /** The 3N eigenvalues ascending (copy; ε/σ²). */
    public double[] eigenvalues() { return values.clone(); }

    /** Component r of eigenvector k. */
    public double vector(int k, int r) { return vectors[r + order * k]; }

    /**
     * Checks that exactly 3 modes are zero: |λ_0..2| ≤ 1e-9·λ_max (round-off) and λ_3 &gt; 1e-9·λ_max.
     *
     * @throws ElasticException if more modes are (near) zero or negative
     */
    public void requireStable() {
        double lmax = values[order - 1], tiny = 1e-9 * lmax;
        if (!(values[3] > tiny)) {
            throw new ElasticException(String.format("Hessian has %s eigenvalue %.3g beyond the 3 translations"
                    + " (limit %.3g = 1e-9 λ_max): a rattler or an unstable configuration", values[3] < 0 ? "a negative" : "a zero",
                    values[3], tiny));
        }
    }

    /**
     * κ = Σ_k (d·v_k)²/λ_k / Σ_k (d·v_k)²/λ_k² over the modes k ≥ 3 (eq A4 in the eigenbasis).
     *
     * @param d the dipole (3N, not modified)
     */
    public double kappa(double[] d) {
        double num = 0, den = 0;
        for (int k = 3; k < order; k++) {
            double c = 0;
            for (int r = 0; r < order; r++) c += d[r] * vectors[r + order * k];
            num += c * c / values[k];
            den += c * c / (values[k] * values[k]);
        }
        return num / den;
    }
}
