package org.softglass.core.fit;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DiagonalMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Weighted nonlinear least squares by Levenberg–Marquardt (Hipparchus): minimise
 * Σ_i ((y_i − f(p; i))/σ_i)². The model supplies values and the analytic Jacobian.
 * Covariance (Jᵀ W J)⁻¹ at the optimum (see {@link FitResult}).
 */
public final class NonlinearFit {
    private NonlinearFit() {}

    /** A model f(p; i) for points i = 0..n−1. */
    public interface Model {
        /** Writes f(p; i) into {@code value[i]} and ∂f(p; i)/∂p_k into {@code jac[i][k]}; p is not modified. */
        void evaluate(double[] p, double[] value, double[][] jac);
    }

    /**
     * @param model the model
     * @param y data (length n, not modified)
     * @param sigma 1σ errors (finite, &gt; 0; not modified)
     * @param start starting parameters (not modified)
     * @throws IllegalArgumentException when there are fewer points than parameters, bad errors, or
     *     the optimiser does not converge (message says so)
     */
    public static FitResult fit(Model model, double[] y, double[] sigma, double[] start) {
        int n = y.length, m = start.length;
        if (sigma.length != n) throw new IllegalArgumentException("y and sigma lengths differ");
        if (n < m) throw new IllegalArgumentException("a " + m + "-parameter fit needs at least " + m + " points, got " + n);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(sigma[i] > 0) || !Double.isFinite(sigma[i]) || !Double.isFinite(y[i])) throw new IllegalArgumentException("point " + i + ": y = " + y[i] + ", sigma = " + sigma[i] + " (need finite y and sigma > 0)");
            w[i] = 1 / (sigma[i] * sigma[i]);
        }
        LeastSquaresOptimizer.Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-14).withParameterRelativeTolerance(1e-12)
                    .optimize(new LeastSquaresBuilder()
                            .model(p -> {
                                double[] v = new double[n];
                                double[][] j = new double[n][m];
                                model.evaluate(p.toArray(), v, j);
                                return new Pair<RealVector, RealMatrix>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(j, false));
                            })
                            .target(y).weight(new DiagonalMatrix(w)).start(start)
                            .maxEvaluations(100_000).maxIterations(10_000).build());
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            throw new org.softglass.core.util.Refusal("the least-squares fit did not converge (" + e.getMessage() + ")");
        }
        double[] p = opt.getPoint().toArray();
        double[][] cov;
        try {
            cov = opt.getCovariances(1e-14).getData();
        } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
            throw new org.softglass.core.util.Refusal("the fit's parameters are not determined by the data (singular normal matrix)");
        }
        double rms = opt.getRMS();
        return new FitResult(p, cov, rms * rms * n, n - m);
    }
}
