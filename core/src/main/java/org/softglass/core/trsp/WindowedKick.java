package org.softglass.core.trsp;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.softglass.nativebridge.DenseArrays;
import org.softglass.nativebridge.Transpose;
import org.softglass.nativebridge.Triangle;

/**
 * The softness change of one rearrangement, ΔS = H(μ' − S) + η, η ~ N(0, K_Δ) ({@code 002} eqs 10,
 * 16, 17, 19), precomputed for one cluster shape anchored at site 0 and applied to any translate.
 *
 * <p><b>Window.</b> Rows: the sites W where the kick amplitude √f σ_Δ(r̃) ≥ tol · √f σ_Δ(0); K_Δ is
 * set to zero outside W. Columns: W2 = the sites j with |(K⁻¹)_ij| ≥ tol · (K⁻¹)_00 for some i ∈ W.
 * With K_Δ supported on W, H has non-zero rows only in W and H_{W,:} = Φ G_{W,:}, G = K'⁻¹ =
 * K⁻¹ + 2δ0 uuᵀ, Φ = R⁻ᵀ g(Rᵀ K_Δ,WW R) R⁻¹ with G_WW = R Rᵀ ({@link DetailedBalance#fromPrecision});
 * dropping G outside W2 is the second truncation; the third drops the columns of H whose entries are all
 * below {@link #PRUNE_FACTOR}·tol·max|H| (H is much more local in its columns than G). The dropped
 * pieces are small relative to the largest element of their kind; WindowedKickTest measures the
 * resulting error of H(μ'−S) against the full update (relative 9e-4 at tol = 1e-2, 3e-5 at 1e-3) and
 * asserts it is below tol. {@link #full} is the untruncated update on the whole lattice with H
 * from the DESIGN-§7 route ({@link DetailedBalance#fromKPrime}).
 *
 * <p>Cost of one application: |W|·|W2| multiply-adds for the mean plus |W|²/2 for the noise (η = D C ξ
 * with C the Cholesky factor of ρ on W and D = diag(√f σ_Δ(r̃))). Immutable; thread-safe.
 */
public final class WindowedKick {
    /** Columns of H are kept where some entry reaches PRUNE_FACTOR · tol · max|H|. */
    static final double PRUNE_FACTOR = 0.01;
    private final ClusterShape shape;
    private final int[][] rows;      // W offsets {dx, dy, dz}
    private final int[][] cols;      // W2 offsets
    private final double[] hCols;    // H restricted, column-major |W| × |W2|
    private final double[] muPrime;  // μ' at W2
    private final double[] noise;    // D C: C the lower Cholesky factor of ρ_WW, column-major |W|² (upper part zero)
    private final double[] amp;      // √f σ_Δ(r̃) at W
    private final double lambdaMax;
    private final double tol;
    // windowed kicks (tol > 0) keep float copies: H and the packed lower triangle of D C, column by column
    // (column b holds rows b..|W|−1 from packedStart[b]); half the memory traffic of the square double arrays,
    // and float round-off (~1e-7 relative) is far below the window truncation (≥ 1e-5 relative)
    private final float[] hF, noiseF;
    private final int[] packedStart;

    private WindowedKick(ClusterShape shape, int[][] rows, int[][] cols, double[] hCols, double[] muPrime,
                         double[] noise, double[] amp, double lambdaMax, double tol) {
        this.shape = shape;
        this.rows = rows;
        this.cols = cols;
        this.hCols = hCols;
        this.muPrime = muPrime;
        this.noise = noise;
        this.amp = amp;
        this.lambdaMax = lambdaMax;
        this.tol = tol;
        int nw = rows.length;
        if (tol > 0) {
            hF = new float[hCols.length];
            for (int k = 0; k < hF.length; k++) hF[k] = (float) hCols[k];
            packedStart = new int[nw + 1];
            for (int b = 0; b < nw; b++) packedStart[b + 1] = packedStart[b] + (nw - b);
            noiseF = new float[packedStart[nw]];
            for (int b = 0; b < nw; b++) for (int a = b; a < nw; a++) noiseF[packedStart[b] + a - b] = (float) noise[a + b * nw];
        } else {
            hF = null;
            noiseF = null;
            packedStart = null;
        }
    }

    /**
     * The windowed update with truncation tolerance tol.
     *
     * @param cg  the cluster algebra
     * @param tol relative cut-off in (0, 1)
     * @throws IllegalArgumentException if λ_max ≥ 1 (see {@link DetailedBalance})
     */
    public static WindowedKick windowed(ClusterGaussian cg, double tol) {
        if (!(tol > 0 && tol < 1)) throw new IllegalArgumentException("window tolerance must be in (0, 1), got " + tol);
        TrspModel m = cg.model();
        Lattice lat = m.lattice();
        int n = lat.sites();
        double a0 = m.kickAmplitude(0);
        List<Integer> w = new ArrayList<>();
        for (int i = 0; i < n; i++) if (m.kickAmplitude(cg.rTilde(i)) >= tol * a0) w.add(i);
        double[] kinv = cg.kInverseRow();
        List<Integer> support = new ArrayList<>();
        for (int i = 0; i < n; i++) if (Math.abs(kinv[i]) >= tol * kinv[0]) support.add(i);
        boolean[] inW2 = new boolean[n];
        for (int i : w)
            for (int d : support) inW2[lat.shift(i, lat.x(d), lat.y(d), lat.z(d))] = true;
        for (int r : cg.sites()) inW2[r] = true;
        List<Integer> w2 = new ArrayList<>();
        for (int j = 0; j < n; j++) if (inW2[j]) w2.add(j);
        return build(cg, w.stream().mapToInt(Integer::intValue).toArray(), w2.stream().mapToInt(Integer::intValue).toArray(), tol);
    }

    /** The untruncated update on the whole lattice, H from K' = LLᵀ (DESIGN §7). Needs N² memory ×6. */
    public static WindowedKick full(ClusterGaussian cg) {
        int n = cg.model().lattice().sites();
        DetailedBalance.Result r = DetailedBalance.fromKPrime(n, cg.kPrimeDense(), cg.kDeltaDense());
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        return assemble(cg, all, all, r.matrix(), r.lambdaMax(), 0);
    }

    private static WindowedKick build(ClusterGaussian cg, int[] w, int[] w2, double tol) {
        int nw = w.length, nc = w2.length;
        double[] gww = new double[nw * nw], kd = new double[nw * nw];
        for (int b = 0; b < nw; b++)
            for (int a = 0; a < nw; a++) {
                gww[a + b * nw] = cg.kPrimeInverse(w[a], w[b]);
                kd[a + b * nw] = cg.kDelta(w[a], w[b]);
            }
        DetailedBalance.Result phi = DetailedBalance.fromPrecision(nw, gww, kd);
        double[] g = new double[nw * nc];
        for (int b = 0; b < nc; b++) for (int a = 0; a < nw; a++) g[a + b * nw] = cg.kPrimeInverse(w[a], w2[b]);
        double[] h = new double[nw * nc];
        DenseArrays.dgemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, nw, nc, nw, 1, phi.matrix(), nw, g, nw, 0, h, nw);
        // third truncation: drop the columns of H whose every entry is below PRUNE_FACTOR · tol · max|H|
        double hMax = 0;
        for (double v : h) hMax = Math.max(hMax, Math.abs(v));
        List<Integer> keep = new ArrayList<>();
        for (int b = 0; b < nc; b++) {
            double cm = 0;
            for (int a = 0; a < nw; a++) cm = Math.max(cm, Math.abs(h[a + b * nw]));
            if (cm >= PRUNE_FACTOR * tol * hMax) keep.add(b);
        }
        int[] w2k = new int[keep.size()];
        double[] hk = new double[nw * keep.size()];
        for (int k = 0; k < w2k.length; k++) {
            int b = keep.get(k);
            w2k[k] = w2[b];
            System.arraycopy(h, b * nw, hk, k * nw, nw);
        }
        return assemble(cg, w, w2k, hk, phi.lambdaMax(), tol);
    }

    private static WindowedKick assemble(ClusterGaussian cg, int[] w, int[] w2, double[] h, double lambdaMax, double tol) {
        TrspModel m = cg.model();
        Lattice lat = m.lattice();
        int nw = w.length, nc = w2.length;
        double[] mu = new double[nc];
        for (int b = 0; b < nc; b++) mu[b] = cg.muPrime(w2[b]);
        double[] rho = new double[nw * nw], amp = new double[nw];
        for (int a = 0; a < nw; a++) {
            amp[a] = m.kickAmplitude(cg.rTilde(w[a]));
            for (int b = 0; b < nw; b++) rho[a + b * nw] = cg.rho(w[a], w[b]);
        }
        DenseArrays.dpotrf(Triangle.LOWER, nw, rho, nw);
        for (int b = 0; b < nw; b++) // keep the lower factor only, scaled: D C with D = diag(√f σ_Δ(r̃))
            for (int a = 0; a < nw; a++) rho[a + b * nw] = a < b ? 0 : amp[a] * rho[a + b * nw];
        return new WindowedKick(cg.shape(), offsets(lat, w), offsets(lat, w2), h, mu, rho, amp, lambdaMax, tol);
    }

    private static int[][] offsets(Lattice lat, int[] sites) {
        int[][] o = new int[sites.length][];
        for (int k = 0; k < sites.length; k++) {
            int s = sites[k];
            o[k] = new int[]{lat.minImage(lat.x(s)), lat.minImage(lat.y(s)), lat.minImage(lat.z(s))};
        }
        return o;
    }

    /** The shape. */
    public ClusterShape shape() { return shape; }

    /** |W|, the number of sites whose softness changes. */
    public int rowCount() { return rows.length; }

    /** |W2|, the number of sites the mean change reads. */
    public int columnCount() { return cols.length; }

    /** λ_max of B (eigenvalues of K_Δ K'⁻¹ on the window). */
    public double lambdaMax() { return lambdaMax; }

    /** The tolerance (0 for the full update). */
    public double tolerance() { return tol; }

    /** The sites W (row sites) of the cluster anchored at {@code anchor}; {@code out} length ≥ |W|, overwritten. */
    public void rowSites(Lattice lat, int anchor, int[] out) { translate(lat, anchor, rows, out); }

    /** The sites W2 (column sites) of the cluster anchored at {@code anchor}; {@code out} overwritten. */
    public void columnSites(Lattice lat, int anchor, int[] out) { translate(lat, anchor, cols, out); }

    private static void translate(Lattice lat, int anchor, int[][] off, int[] out) {
        for (int k = 0; k < off.length; k++) out[k] = lat.shift(anchor, off[k][0], off[k][1], off[k][2]);
    }

    /**
     * The mean change H(μ' − S) on W for the cluster at {@code anchor}.
     *
     * @param s       the softness field (length N); not modified
     * @param colSite W2 sites for this anchor (from {@link #columnSites}); not modified
     * @param out     length ≥ |W|; <b>overwritten</b> with the mean change at the row sites
     */
    public void meanChange(double[] s, int[] colSite, double[] out) {
        int nw = rows.length, nc = cols.length;
        if (hF != null) {
            float[] acc = new float[nw], v = new float[nc];
            for (int b = 0; b < nc; b++) v[b] = (float) (muPrime[b] - s[colSite[b]]);
            KickKernels.get().dense(hF, nw, nc, v, acc);
            for (int a = 0; a < nw; a++) out[a] = acc[a];
            return;
        }
        java.util.Arrays.fill(out, 0, nw, 0);
        for (int b = 0; b < nc; b++) {
            double v = muPrime[b] - s[colSite[b]];
            int off = b * nw;
            for (int a = 0; a < nw; a++) out[a] += hCols[off + a] * v;
        }
    }

    /**
     * A noise draw η ~ N(0, K_Δ,WW) added to {@code out}.
     *
     * @param rng     consumed: |W| Gaussians
     * @param out     length ≥ |W|; η is <b>added</b>
     */
    public void addNoise(RandomGenerator rng, double[] out) {
        int nw = rows.length;
        if (noiseF != null) {
            float[] acc = new float[nw], xi = new float[nw];
            for (int b = 0; b < nw; b++) xi[b] = (float) rng.nextGaussian();
            KickKernels.get().lowerPacked(noiseF, packedStart, nw, xi, acc);
            for (int a = 0; a < nw; a++) out[a] += acc[a];
            return;
        }
        for (int b = 0; b < nw; b++) {
            double xb = rng.nextGaussian();
            int off = b * nw;
            for (int a = b; a < nw; a++) out[a] += noise[off + a] * xb; // column b of D C (lower triangular)
        }
    }

    /** The element H_{W_a, W2_b} as applied (for tests). */
    public double h(int a, int b) { return hF != null ? hF[a + b * rows.length] : hCols[a + b * rows.length]; }

    /** The K_Δ used, between row sites a and b (for tests): (D C)(D C)ᵀ as applied. */
    public double kDelta(int a, int b) {
        int nw = rows.length;
        double s = 0;
        for (int k = 0; k <= Math.min(a, b); k++)
            s += noiseF != null ? (double) noiseF[packedStart[k] + a - k] * noiseF[packedStart[k] + b - k] : noise[a + k * nw] * noise[b + k * nw];
        return s;
    }

    /** Row offset a as {dx, dy, dz} (a copy). */
    public int[] rowOffset(int a) { return rows[a].clone(); }

    /** Column offset b as {dx, dy, dz} (a copy). */
    public int[] columnOffset(int b) { return cols[b].clone(); }
}
