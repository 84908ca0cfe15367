package org.softglass.validation.published;

/**
 * The quadratic approximations of 001 §4.1 (Fig. 5a,b) to the per-softness-bin Arrhenius fits
 * ln P_R(S) = Σ(S) − E(S)/T (001 eq 11): E(S) ≈ E0 − E1 S + E2 S² and Σ(S) ≈ Σ0 − Σ1 S + Σ2 S²
 * (001 prints "Σ1 − Σ1 S + Σ2 S²", evidently Σ0 for the constant, since it then quotes Σ0 ≈ 8.70), with
 * T0 = E0/Σ0 and T1 = E1/Σ1 (001 eq 12). Each is a weighted least-squares fit of the bin values at their
 * mean softness, weights 1/err² from the per-bin fits; when χ²/dof &gt; 1 the coefficient errors are scaled by
 * √(χ²/dof) ({@link #scaleE}, {@link #scaleSigma} say by how much). The E and Σ of one bin come from one
 * straight line in 1/T and are correlated (the bin's cov(Σ, ΔE)); that cross-covariance is carried into the
 * errors of T0 and T1 (delta method).
 *
 * @param e the E-fit coefficients (c0, c1, c2) of E(S) = c0 + c1 S + c2 S², so E0 = c0, E1 = −c1, E2 = c2
 * @param sigma the Σ-fit coefficients likewise
 * @param covE covariance of {@code e} (3 × 3), scaled
 * @param covSigma covariance of {@code sigma}, scaled
 * @param cross cov(e_i, sigma_j), scaled by √(scaleE·scaleSigma)
 * @param bins number of softness bins fitted
 * @param scaleE the χ²/dof factor applied to the E-fit covariance (1 when χ²/dof ≤ 1)
 * @param scaleSigma likewise for Σ
 */
public record BarrierCoefficients(double[] e, double[] sigma, double[][] covE, double[][] covSigma, double[][] cross, int bins,
                                  double scaleE, double scaleSigma) {

    /**
     * Fits the per-bin values.
     *
     * @param s mean softness of each bin
     * @param eVal ΔE of each bin, {@code eErr} its error
     * @param sVal Σ of each bin, {@code sErr} its error
     * @param cov cov(Σ, ΔE) of each bin
     * @throws IllegalArgumentException with fewer than 4 usable bins (a quadratic needs a residual degree of freedom)
     */
    public static BarrierCoefficients fit(double[] s, double[] eVal, double[] eErr, double[] sVal, double[] sErr, double[] cov) {
        int n = 0;
        boolean[] use = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            use[i] = Double.isFinite(s[i]) && Double.isFinite(eVal[i]) && Double.isFinite(sVal[i]) && eErr[i] > 0 && sErr[i] > 0 && Double.isFinite(cov[i]);
            if (use[i]) n++;
        }
        if (n < 4) throw new IllegalArgumentException(n + " usable softness bins, a quadratic fit with a residual needs >= 4");
        double[][] x = new double[n][];
        double[] ye = new double[n], we = new double[n], ys = new double[n], ws = new double[n], c = new double[n];
        for (int i = 0, k = 0; i < s.length; i++) {
            if (!use[i]) continue;
            x[k] = new double[] {1, s[i], s[i] * s[i]};
            ye[k] = eVal[i]; we[k] = 1 / (eErr[i] * eErr[i]);
            ys[k] = sVal[i]; ws[k] = 1 / (sErr[i] * sErr[i]);
            c[k] = cov[i];
            k++;
        }
        double[][] me = map(x, we), ms = map(x, ws);
        double[] be = apply(me, ye), bs = apply(ms, ys);
        double fe = Math.max(1, chi2(x, ye, we, be) / (n - 3)), fs = Math.max(1, chi2(x, ys, ws, bs) / (n - 3));
        double[][] ce = new double[3][3], cs = new double[3][3], cx = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double ve = 0, vs = 0, vx = 0;
                for (int k = 0; k < n; k++) {
                    ve += me[a][k] * me[b][k] / we[k];
                    vs += ms[a][k] * ms[b][k] / ws[k];
                    vx += me[a][k] * ms[b][k] * c[k];
                }
                ce[a][b] = ve * fe;
                cs[a][b] = vs * fs;
                cx[a][b] = vx * Math.sqrt(fe * fs);
            }
        }
        return new BarrierCoefficients(be, bs, ce, cs, cx, n, fe, fs);
    }

    /** E0 ± σ (001 convention). */
    public double[] e0() { return new double[] {e[0], Math.sqrt(covE[0][0])}; }
    /** E1 = −c1 ± σ. */
    public double[] e1() { return new double[] {-e[1], Math.sqrt(covE[1][1])}; }
    /** E2 ± σ. */
    public double[] e2() { return new double[] {e[2], Math.sqrt(covE[2][2])}; }
    /** Σ0 ± σ. */
    public double[] sigma0() { return new double[] {sigma[0], Math.sqrt(covSigma[0][0])}; }
    /** Σ1 = −c1 ± σ. */
    public double[] sigma1() { return new double[] {-sigma[1], Math.sqrt(covSigma[1][1])}; }
    /** Σ2 ± σ. */
    public double[] sigma2() { return new double[] {sigma[2], Math.sqrt(covSigma[2][2])}; }

    /** T0 = E0/Σ0 (001 eq 12), delta-method error with the E–Σ cross-covariance. */
    public double[] t0() { return ratio(e[0], sigma[0], covE[0][0], covSigma[0][0], cross[0][0]); }

    /** T1 = E1/Σ1 (001 eq 12); the signs cancel. */
    public double[] t1() { return ratio(e[1], sigma[1], covE[1][1], covSigma[1][1], cross[1][1]); }

    /** E1/E2 (001 prints "E1/E2 ∼ 50"); errors within the E fit. */
    public double[] e1OverE2() {
        double r = -e[1] / e[2];
        double v = r * r * (covE[1][1] / (e[1] * e[1]) + covE[2][2] / (e[2] * e[2]) - 2 * covE[1][2] / (e[1] * e[2]));
        return new double[] {r, Math.sqrt(Math.max(0, v))};
    }

    static double[] ratio(double a, double b, double va, double vb, double cab) {
        double r = a / b;
        double v = r * r * (va / (a * a) + vb / (b * b) - 2 * cab / (a * b));
        return new double[] {r, Math.sqrt(Math.max(0, v))};
    }

    /** M = (XᵀWX)⁻¹XᵀW, so that β = M y. */
    private static double[][] map(double[][] x, double[] w) {
        double[][] a = new double[3][3];
        for (int k = 0; k < x.length; k++) for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) a[i][j] += w[k] * x[k][i] * x[k][j];
        double[][] inv = inverse(a);
        double[][] m = new double[3][x.length];
        for (int i = 0; i < 3; i++) for (int k = 0; k < x.length; k++) {
            double v = 0;
            for (int j = 0; j < 3; j++) v += inv[i][j] * x[k][j];
            m[i][k] = v * w[k];
        }
        return m;
    }

    private static double[] apply(double[][] m, double[] y) {
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) for (int k = 0; k < y.length; k++) b[i] += m[i][k] * y[k];
        return b;
    }

    private static double chi2(double[][] x, double[] y, double[] w, double[] b) {
        double c = 0;
        for (int k = 0; k < y.length; k++) {
            double r = y[k] - (b[0] + b[1] * x[k][1] + b[2] * x[k][2]);
            c += w[k] * r * r;
        }
        return c;
    }

    private static double[][] inverse(double[][] a) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        if (!(Math.abs(det) > 0)) throw new IllegalArgumentException("softness bins do not determine a quadratic (singular normal equations)");
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
            int i1 = (j + 1) % 3, i2 = (j + 2) % 3, j1 = (i + 1) % 3, j2 = (i + 2) % 3;
            r[i][j] = (a[i1][j1] * a[i2][j2] - a[i1][j2] * a[i2][j1]) / det;
        }
        return r;
    }
}
