package org.softglass.core.trsp;

import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.jtransforms.fft.DoubleFFT_3D;

/**
 * A translation-invariant symmetric matrix on a periodic {@link Lattice}: {@code M_ij = f(|r_i − r_j|)}
 * with the minimum-image distance. Such a matrix is circulant, so its eigenvalues are the discrete
 * Fourier transform of its first row, {@code λ(q) = Σ_r f(|r|) e^{−i q·r}} (real, because f is even),
 * and its inverse and square root are circulant too.
 *
 * <p>Used for the softness covariance K ({@code 002} eq 29, DESIGN §7): positive-definiteness from
 * the FFT eigenvalues, the kernel of K⁻¹, and exact Gaussian samples of N(μ, K) (the FFT method for
 * translation-invariant covariances cited by {@code 002} §VI, ref. 42: S = μ + F⁻¹ diag(√λ) F ξ with
 * ξ white noise; on a periodic lattice the circulant embedding is exact).
 *
 * <p>Arrays of length N are indexed by site ({@link Lattice#index}). Immutable after construction.
 */
public final class Circulant {
    private final Lattice lattice;
    private final double[] row;
    private final double[] eigen;

    /**
     * @param lattice the lattice
     * @param f       the matrix element as a function of the minimum-image distance r (lattice units)
     */
    public Circulant(Lattice lattice, DoubleUnaryOperator f) {
        this.lattice = lattice;
        int n = lattice.sites();
        row = new double[n];
        for (int i = 0; i < n; i++) row[i] = f.applyAsDouble(lattice.distance(0, i));
        double[] c = new double[2 * n];
        for (int i = 0; i < n; i++) c[2 * i] = row[i];
        fft().complexForward(c);
        eigen = new double[n];
        for (int i = 0; i < n; i++) eigen[i] = c[2 * i];
    }

    private DoubleFFT_3D fft() {
        int l = lattice.side();
        return new DoubleFFT_3D(l, l, l);
    }

    /** The lattice. */
    public Lattice lattice() { return lattice; }

    /** M_ij. */
    public double get(int i, int j) { return row[indexOfDisplacement(i, j)]; }

    /** The first row M_0j (a copy). */
    public double[] row() { return row.clone(); }

    /** The eigenvalues λ(q), indexed like sites by the wave-vector integer coordinates (a copy). */
    public double[] eigenvalues() { return eigen.clone(); }

    /** The smallest eigenvalue. */
    public double minEigenvalue() {
        double m = Double.POSITIVE_INFINITY;
        for (double e : eigen) m = Math.min(m, e);
        return m;
    }

    /** The largest eigenvalue. */
    public double maxEigenvalue() {
        double m = Double.NEGATIVE_INFINITY;
        for (double e : eigen) m = Math.max(m, e);
        return m;
    }

    /** Site index of r_j − r_i (periodic), i.e. the row index that holds M_ij. */
    private int indexOfDisplacement(int i, int j) {
        Lattice l = lattice;
        return l.index(l.x(j) - l.x(i), l.y(j) - l.y(i), l.z(j) - l.z(i));
    }

    /**
     * The first row of M⁻¹ (circulant, eigenvalues 1/λ), computed by inverse FFT.
     *
     * @throws IllegalArgumentException if M is not positive definite
     */
    public double[] inverseRow() {
        if (!(minEigenvalue() > 0)) throw new org.softglass.core.util.Refusal("matrix is not positive definite (min eigenvalue " + minEigenvalue() + ")");
        int n = lattice.sites();
        double[] c = new double[2 * n];
        for (int i = 0; i < n; i++) c[2 * i] = 1 / eigen[i];
        fft().complexInverse(c, true);
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) inv[i] = c[2 * i];
        return inv;
    }

    /**
     * Draws S ~ N(mean·1, M) exactly: S = mean + F⁻¹ diag(√λ) F ξ, ξ ~ N(0, 1)^N.
     *
     * @param mean the mean of every site
     * @param rng  source of the white noise (consumed: N Gaussians)
     * @param out  length N; <b>overwritten</b> with the sample
     * @throws IllegalArgumentException if some eigenvalue is negative (beyond −1e-12 λ_max)
     */
    public void sample(double mean, RandomGenerator rng, double[] out) {
        int n = lattice.sites();
        if (minEigenvalue() < -1e-12 * maxEigenvalue())
            throw new org.softglass.core.util.NumericalFailure("cannot sample: covariance not positive semi-definite (min eigenvalue " + minEigenvalue() + ")");
        double[] c = new double[2 * n];
        for (int i = 0; i < n; i++) c[2 * i] = rng.nextGaussian();
        DoubleFFT_3D f = fft();
        f.complexForward(c);
        for (int i = 0; i < n; i++) {
            double s = Math.sqrt(Math.max(0, eigen[i]));
            c[2 * i] *= s;
            c[2 * i + 1] *= s;
        }
        f.complexInverse(c, true);
        for (int i = 0; i < n; i++) out[i] = mean + c[2 * i];
    }
}
