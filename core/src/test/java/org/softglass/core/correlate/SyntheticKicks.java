package org.softglass.core.correlate;

import java.util.Random;
import org.softglass.core.space.Box;

/**
 * Synthetic rearrangement frames under App. E's model ({@code 002}) on a periodic simple cubic lattice
 * of side L (spacing 1), one rearranger per frame at a random site c:
 * <ul>
 *   <li>S = G_S z: spatially correlated softness, variance 1 (Gaussian smoothing of white noise);</li>
 *   <li>the event's kick ΔS1_i = η1(r̃_i)(A − S_i) + ξ_i, ξ = D L_R z with D = diag σ1(r̃_i) and
 *       L_R the Cholesky factor of R_ij = ρ(r_ij), ρ(0) = 1, ρ(r) = c1 e^{−r/ξρ} (eq 30);</li>
 *   <li>a background kick ΔS2 = η2(A2 − S − ΔS1) + ζ, ζ = G_B z spatially correlated over the whole
 *       box (smoothing length {@link #BG_RANGE}) with variance σ2² = σ²η2(2 − η2) (eq 18), independent
 *       of the event.</li>
 * </ul>
 * σ1 and η1 vanish for r̃ ≥ {@link #R_CUT}, so particles that far are pure background. Also records
 * the old estimator's raw pair sums (ΔS_0, ΔS_r of rearranger–particle pairs, no background pairs).
 */
final class SyntheticKicks {
    static final int L = 8, N = L * L * L;
    static final double A = 0.2, A2 = -0.1, ETA2 = 0.15, SIG2BG = ETA2 * (2 - ETA2);
    static final double RHO_C1 = 0.8, RHO_XI = 1.0, R_CUT = 3.5, BG_RANGE = 2.0, S_RANGE = 0.7;
    final Box box = Box.cubic(L);
    final double[] x = new double[N], y = new double[N], z = new double[N];
    private final double[][] gS, gB, lR;
    /** raw old-estimator sums per pair-distance bin: n, Σa, Σb, Σab. */
    final double[][] raw;

    static double sigma1(double r) { return r == 0 ? 1.0 : r < R_CUT ? 0.8 * Math.exp(-r / 1.5) : 0; }
    static double eta1(double r) { return r == 0 ? 0.5 : r < R_CUT ? 0.2 : 0; }
    static double rho(double r) { return r == 0 ? 1 : RHO_C1 * Math.exp(-r / RHO_XI); }

    SyntheticKicks(int rBins) {
        for (int i = 0; i < N; i++) { x[i] = i % L + 0.5; y[i] = i / L % L + 0.5; z[i] = i / (L * L) + 0.5; }
        gS = smoothing(S_RANGE, 1.0);
        gB = smoothing(BG_RANGE, SIG2BG);
        double[][] r = new double[N][N];
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) r[i][j] = rho(dist(i, j));
        lR = cholesky(r);
        raw = new double[rBins][4];
    }

    double dist(int i, int j) { return Math.sqrt(box.distanceSquared(x[i], y[i], z[i], x[j], y[j], z[j])); }

    /** G with rows Σ_j g(r_ij), g = e^{−r²/2ℓ²}, scaled so that (G z)_i has the given variance. */
    private double[][] smoothing(double ell, double variance) {
        double[][] g = new double[N][N];
        for (int i = 0; i < N; i++) {
            double norm = 0;
            for (int j = 0; j < N; j++) { double d = dist(i, j); g[i][j] = Math.exp(-d * d / (2 * ell * ell)); norm += g[i][j] * g[i][j]; }
            double f = Math.sqrt(variance / norm);
            for (int j = 0; j < N; j++) g[i][j] *= f;
        }
        return g;
    }

    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (!(s > 0)) throw new IllegalStateException("rho is not positive definite on the lattice");
                    l[i][i] = Math.sqrt(s);
                } else l[i][j] = s / l[j][j];
            }
        }
        return l;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] o = new double[m.length];
        for (int i = 0; i < m.length; i++) { double s = 0; for (int j = 0; j < m[i].length; j++) s += m[i][j] * v[j]; o[i] = s; }
        return o;
    }

    private static double[] gauss(Random rnd) {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) v[i] = rnd.nextGaussian();
        return v;
    }

    /** One frame: draws S, ΔS around a random rearranger, adds it to ks through {@link KickFrame}, and the raw pair sums. */
    void frame(KickStatistics ks, Random rnd, org.softglass.core.barriers.SoftnessBins rb) {
        int c = rnd.nextInt(N);
        double[] s = times(gS, gauss(rnd)), xi = times(lR, gauss(rnd)), zeta = times(gB, gauss(rnd));
        double[] ds = new double[N];
        KickFrame.Role[] role = new KickFrame.Role[N];
        for (int i = 0; i < N; i++) {
            double rt = dist(i, c);
            double d1 = eta1(rt) * (A - s[i]) + sigma1(rt) * xi[i];
            ds[i] = d1 + ETA2 * (A2 - s[i] - d1) + zeta[i];
            role[i] = i == c ? KickFrame.Role.REARRANGER : KickFrame.Role.BYSTANDER;
        }
        KickFrame.add(ks, box, x, y, z, s, ds, role, rb.hi());
        for (int j = 0; j < N; j++) {
            int k = j == c ? -1 : rb.index(dist(c, j));
            if (k < 0) continue;
            double[] p = raw[k];
            p[0]++; p[1] += ds[c]; p[2] += ds[j]; p[3] += ds[c] * ds[j];
        }
    }

    /** The old estimator: raw cov(ΔS_0, ΔS_r)/((1 − η2)² σ̃(0) σ̃(r)) with this result's η2 and σ̃. */
    double oldRho(KickStatistics.Result res, int bin) {
        double[] p = raw[bin];
        double cov = (p[3] - p[1] * p[2] / p[0]) / (p[0] - 1);
        double damp = 1 - res.eta2();
        return cov / (damp * damp * res.sigma()[0] * res.sigma()[bin + 1]);
    }

    /**
     * The ρ̃ a bin should give under the model: pairs (c, j) at lattice distances d in the bin have
     * residual covariance (1 − η2)²σ1(0)σ1(d)ρ(d) after the background is removed; divided by
     * (1 − η2)²σ1(0)σ̃(bin), σ̃(bin)² = ⟨σ1(d)²⟩ over the same sites: ⟨σ1 ρ⟩/√⟨σ1²⟩.
     */
    double expectedRho(org.softglass.core.barriers.SoftnessBins rb, int bin) {
        double sr = 0, s2 = 0;
        int n = 0;
        for (int j = 1; j < N; j++) {
            double d = dist(0, j);
            if (rb.index(d) != bin) continue;
            sr += sigma1(d) * rho(d); s2 += sigma1(d) * sigma1(d); n++;
        }
        return (sr / n) / Math.sqrt(s2 / n);
    }

    /** √⟨σ1²⟩ over the sites of a bin. */
    double expectedSigma(org.softglass.core.barriers.SoftnessBins rb, int bin) {
        double s2 = 0;
        int n = 0;
        for (int j = 1; j < N; j++) {
            double d = dist(0, j);
            if (rb.index(d) != bin) continue;
            s2 += sigma1(d) * sigma1(d); n++;
        }
        return Math.sqrt(s2 / n);
    }
}
