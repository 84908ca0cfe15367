package org.softglass.core.fit;

/**
 * Weighted straight-line fit y = a + b x minimising Σ ((y_i − a − b x_i)/σ_i)², closed form
 * (Numerical Recipes §15.2): with S = Σ1/σ², Sx = Σx/σ², Sy, Sxx, Sxy and Δ = S·Sxx − Sx²,
 * a = (Sxx Sy − Sx Sxy)/Δ, b = (S Sxy − Sx Sy)/Δ, var a = Sxx/Δ, var b = S/Δ, cov(a,b) = −Sx/Δ.
 */
public final class WeightedLine {
    private WeightedLine() {}

    /**
     * @param x abscissae (not modified)
     * @param y ordinates (not modified)
     * @param sigma 1σ errors of y, all finite and &gt; 0 (not modified)
     * @return params {a, b}
     * @throws IllegalArgumentException with fewer than 2 points, fewer than 2 distinct x, or bad errors
     */
    public static FitResult fit(double[] x, double[] y, double[] sigma) {
        int n = x.length;
        if (y.length != n || sigma.length != n) throw new IllegalArgumentException("x, y, sigma lengths differ");
        if (n < 2) throw new IllegalArgumentException("a straight-line fit needs at least 2 points, got " + n);
        double s = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            if (!(sigma[i] > 0) || !Double.isFinite(sigma[i])) throw new IllegalArgumentException("error of point " + i + " must be finite and > 0, got " + sigma[i]);
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) throw new IllegalArgumentException("point " + i + " is not finite (" + x[i] + ", " + y[i] + ")");
            double w = 1 / (sigma[i] * sigma[i]);
            s += w; sx += w * x[i]; sy += w * y[i]; sxx += w * x[i] * x[i]; sxy += w * x[i] * y[i];
        }
        // centre x for numerical stability of Δ
        double xm = sx / s, stt = sxx - s * xm * xm;
        if (!(stt > 1e-300) || stt <= 1e-12 * sxx) throw new org.softglass.core.util.Refusal("a straight-line fit needs at least 2 distinct x values");
        double b = (sxy - xm * sy) / stt;
        double a = (sy - sx * b) / s;
        double varB = 1 / stt, varA = 1 / s + xm * xm / stt, covAB = -xm / stt;
        double chi2 = 0;
        for (int i = 0; i < n; i++) { double r = (y[i] - a - b * x[i]) / sigma[i]; chi2 += r * r; }
        return new FitResult(new double[] {a, b}, new double[][] {{varA, covAB}, {covAB, varB}}, chi2, n - 2);
    }
}
