package org.softglass.core.barriers;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.softglass.core.params.ModelParameters;

/**
 * Fits of P(R|S,T) with χ²/dof &gt; 1 state errors scaled by √(χ²/dof) and say so (DESIGN §7b).
 *
 * <p>Known overdispersion without randomness: the data are the exact model plus a residual pattern
 * orthogonal to the columns of the weighted Jacobian at the truth. To first order such a residual
 * leaves the fitted parameters and their data-error covariance unchanged and adds exactly its squared
 * norm to χ²; it is sized to make χ²/dof = 9, so the stated errors must be 3× those of the exact data.
 */
class FitErrorScaleTest {
    static final ModelParameters.Barriers TRUTH = new ModelParameters.Barriers(2.5, -0.9, 0.05, 1.0, 0.86);

    /**
     * Adds to y[i] the residual e[i]·a·z[i], z the ±1 pattern (−1)^i made orthogonal to the columns of
     * J/e (weighted Jacobian, n × m) and a chosen so that Σ (residual/e)² = target.
     */
    static double[] overdispersed(double[] y, double[] e, double[][] jac, double target) {
        int n = y.length, m = jac[0].length;
        double[][] a = new double[n][m];
        for (int i = 0; i < n; i++) for (int k = 0; k < m; k++) a[i][k] = jac[i][k] / e[i];
        RealMatrix am = new Array2DRowRealMatrix(a, false);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = (i * 7 % 3 == 0) ? 1 : -1;
        double[] coef = new QRDecomposition(am).getSolver().solve(new ArrayRealVector(z)).toArray();
        double[] proj = am.operate(coef), out = y.clone();
        double norm = 0;
        for (int i = 0; i < n; i++) { z[i] -= proj[i]; norm += z[i] * z[i]; }
        double scale = Math.sqrt(target / norm);
        for (int i = 0; i < n; i++) out[i] += e[i] * scale * z[i];
        return out;
    }

    static List<BarrierPoint> points(double[] temps, double[] ss, double[] logP, double[] logErr) {
        List<BarrierPoint> pts = new ArrayList<>();
        int q = 0;
        for (double t : temps) {
            for (int k = 0; k < ss.length; k++, q++) {
                double p = Math.exp(logP[q]);
                pts.add(new BarrierPoint(k, t, ss[k], p, logErr[q] * p, 1000));
            }
        }
        return pts;
    }

    @Test
    void arrheniusFitScalesItsErrorsAndSaysSo() {
        double[] temps = {0.45, 0.5, 0.55, 0.6, 0.65, 0.7};
        double s = -0.5, entropy = TRUTH.entropy(s), barrier = TRUTH.deltaE(s);
        int n = temps.length;
        double[] y = new double[n], e = new double[n];
        double[][] jac = new double[n][2];
        for (int i = 0; i < n; i++) {
            y[i] = entropy - barrier / temps[i];
            e[i] = 0.02 + 0.01 * i;
            jac[i][0] = 1; jac[i][1] = 1 / temps[i];
        }
        ArrheniusFit exact = ArrheniusFit.fit(points(temps, new double[] {s}, y, e), false, 10, 0.9);
        assertEquals(1.0, exact.errorScale());
        assertFalse(exact.errorsScaled());
        double[] y9 = overdispersed(y, e, jac, 9.0 * (n - 2));
        ArrheniusFit over = ArrheniusFit.fit(points(temps, new double[] {s}, y9, e), false, 10, 0.9);
        assertEquals(9.0 * (n - 2), over.chi2(), 1e-9 * over.chi2());
        assertTrue(over.errorsScaled());
        assertEquals(3.0, over.errorScale(), 1e-9);
        // a straight line: the orthogonal residual leaves the parameters unchanged to round-off
        assertEquals(exact.barrier(), over.barrier(), 1e-9);
        assertEquals(3.0 * exact.barrierErr(), over.barrierErr(), 1e-9 * over.barrierErr());
        assertEquals(3.0 * exact.entropyErr(), over.entropyErr(), 1e-9 * over.entropyErr());
        assertEquals(9.0 * exact.covariance(), over.covariance(), 1e-9 * Math.abs(over.covariance()));
        // underdispersed (χ²/dof = 0.25): never scaled down
        ArrheniusFit under = ArrheniusFit.fit(points(temps, new double[] {s}, overdispersed(y, e, jac, 0.25 * (n - 2)), e), false, 10, 0.9);
        assertEquals(1.0, under.errorScale());
        assertEquals(exact.barrierErr(), under.barrierErr(), 1e-9 * exact.barrierErr());
    }

    /**
     * The onset fit: χ²/dof = 9 gives errors 3× those of the exact data (to the first order of the
     * nonlinear model: 2 % allowed, the shift of the Jacobian with the second-order parameter change),
     * and the onset-margin refusal uses the scaled σ(T0): a highest temperature placed between
     * T0 − 2σ and T0 − 6σ (σ of the exact data) passes on exact data and is refused on the
     * overdispersed data.
     */
    @Test
    void onsetFitScalesItsErrorsAndTheMarginUsesThem() {
        double[] ss = {-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5};
        double[] temps = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75};
        OnsetFit probe = OnsetFit.fit(points(temps, ss, model(temps, ss), constant(temps, ss, 0.05)), false, 10, 0.9);
        double sigmaT0 = probe.errors()[4];
        assertEquals(TRUTH.t0(), probe.t0(), 1e-6);
        // with every ln P error equal, σ(T0) ∝ that error: pick it so that σ(T0) = 0.012 on exact data
        double err = 0.05 * 0.012 / sigmaT0;
        double[] e = constant(temps, ss, err), y = model(temps, ss);
        OnsetFit exact = OnsetFit.fit(points(temps, ss, y, e), false, 10, 0.9);
        assertEquals(0.012, exact.errors()[4], 1e-6);
        assertFalse(exact.errorsScaled());
        int dof = y.length - 5;
        double[] y9 = overdispersed(y, e, jacobian(temps, ss), 9.0 * dof);
        OnsetFit over = OnsetFit.fit(points(temps, ss, y9, e), false, 10, 0.9);
        assertTrue(over.errorsScaled());
        assertEquals(Math.sqrt(over.chi2() / over.dof()), over.errorScale(), 1e-12);
        assertEquals(3.0, over.errorScale(), 0.06);
        for (int i = 0; i < 5; i++) assertEquals(3.0 * exact.errors()[i], over.errors()[i], 0.02 * 3 * exact.errors()[i], "error " + i);
        // T0 = 0.86, σ(T0) = 0.012 unscaled, 0.036 scaled: T = 0.80 is below T0 − 2σ unscaled (0.836) but not scaled (0.788)
        double[] hot = {0.5, 0.55, 0.6, 0.65, 0.7, 0.8};
        OnsetFit passes = OnsetFit.fit(points(hot, ss, model(hot, ss), e), false, 10, 0.9);
        assertTrue(passes.t0() - 2 * passes.errors()[4] > 0.8, "exact data must pass the margin: " + passes.t0() + " +- " + passes.errors()[4]);
        double[] hot9 = overdispersed(model(hot, ss), e, jacobian(hot, ss), 9.0 * dof);
        var refused = assertThrows(OnsetFit.AboveOnset.class, () -> OnsetFit.fit(points(hot, ss, hot9, e), false, 10, 0.9));
        assertEquals(0.8, refused.temperature());
        assertTrue(refused.getMessage().contains("scaled by sqrt(chi2/dof)"), refused.getMessage());
    }

    static double[] model(double[] temps, double[] ss) {
        double[] y = new double[temps.length * ss.length];
        int q = 0;
        for (double t : temps) for (double s : ss) y[q++] = TRUTH.logProbability(s, t);
        return y;
    }

    static double[] constant(double[] temps, double[] ss, double v) {
        double[] e = new double[temps.length * ss.length];
        java.util.Arrays.fill(e, v);
        return e;
    }

    /** ∂ ln P/∂(Σ0, ε0, ε1, ε2, 1/T0) of the onset form at the truth, as {@link OnsetFit} orders them. */
    static double[][] jacobian(double[] temps, double[] ss) {
        double[][] j = new double[temps.length * ss.length][];
        double u = 1 / TRUTH.t0();
        int q = 0;
        for (double t : temps) {
            for (double s : ss) {
                double d = u - 1 / t;
                j[q++] = new double[] {1, -1 / t, s * d, s * s * d, TRUTH.eps1() * s + TRUTH.eps2() * s * s};
            }
        }
        return j;
    }
}
