package org.softglass.core.softness;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Random;

/**
 * L2-regularised linear SVM with squared hinge loss (liblinear; the objective of scikit-learn's
 * {@code LinearSVC(C, loss='squared_hinge')}):
 * min_{w,b} ½(|w|² + b²) + C Σ_i max(0, 1 − y_i (w·x_i + b))², y_i = ±1.
 * The bias is a constant feature 1 and is regularised, as in liblinear and LinearSVC
 * (intercept_scaling = 1). The objective is strictly convex, so the primal (trust-region Newton,
 * {@code L2R_L2LOSS_SVC}) and dual (coordinate descent, {@code L2R_L2LOSS_SVC_DUAL}) solvers reach
 * the same optimum; the primal is much faster when samples ≫ features (TOOLCHAIN.md).
 *
 * <p>Thread-safe: each call builds its own problem; the dual solver's random permutation is
 * seeded per call.
 */
public final class LinearSvm {
    static { Linear.disableDebugOutput(); }

    /** Which liblinear solver to use. */
    public enum Solver {
        /** primal when samples ≥ 10 × features, dual otherwise */
        AUTO,
        /** {@code L2R_L2LOSS_SVC} (trust-region Newton on the primal) */
        PRIMAL,
        /** {@code L2R_L2LOSS_SVC_DUAL} (dual coordinate descent) */
        DUAL;

        /** The concrete solver for n samples of m features. */
        public Solver resolve(int n, int m) {
            return this != AUTO ? this : n >= 10L * m ? PRIMAL : DUAL;
        }
    }

    private LinearSvm() {}

    /**
     * Trains on rows {@code x} (n × M, not modified) with labels {@code y} ∈ {0, 1}.
     *
     * @param c the misclassification penalty C &gt; 0
     * @param solver the solver (AUTO picks by n/M)
     * @param eps liblinear's stopping tolerance (e.g. 1e-4; smaller is tighter)
     * @param seed seeds the dual solver's coordinate order
     * @return the hyperplane with f &gt; 0 predicting label 1
     * @throws IllegalArgumentException on empty input, ragged rows, non-finite values, labels other
     *     than 0/1, or only one class present
     */
    public static Hyperplane train(double[][] x, int[] y, double c, Solver solver, double eps, long seed) {
        int n = x.length;
        if (n == 0) throw new IllegalArgumentException("no training samples");
        if (y.length != n) throw new IllegalArgumentException("labels (" + y.length + ") and rows (" + n + ") differ in number");
        if (!(c > 0) || !Double.isFinite(c)) throw new IllegalArgumentException("C must be > 0, got " + c);
        int m = x[0].length;
        int ones = 0;
        Problem p = new Problem();
        p.l = n;
        p.n = m + 1;
        p.bias = 1.0;
        p.y = new double[n];
        p.x = new Feature[n][];
        for (int i = 0; i < n; i++) {
            if (x[i].length != m) throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, expected " + m);
            if (y[i] != 0 && y[i] != 1) throw new IllegalArgumentException("label of row " + i + " is " + y[i] + ", expected 0 or 1");
            ones += y[i];
            p.y[i] = y[i] == 1 ? 1 : -1;
            Feature[] row = new Feature[m + 1];
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(x[i][j])) throw new IllegalArgumentException("row " + i + ", feature " + j + " is not finite: " + x[i][j]);
                row[j] = new FeatureNode(j + 1, x[i][j]);
            }
            row[m] = new FeatureNode(m + 1, 1.0);
            p.x[i] = row;
        }
        if (ones == 0 || ones == n) throw new org.softglass.core.util.Refusal("training needs both labels; got " + ones + " of " + n + " rows labelled 1");
        Solver s = solver.resolve(n, m);
        Parameter par = new Parameter(s == Solver.PRIMAL ? SolverType.L2R_L2LOSS_SVC : SolverType.L2R_L2LOSS_SVC_DUAL, c, eps);
        par.setRandom(new Random(seed));
        par.setMaxIters(100_000);
        Model model = Linear.train(p, par);
        double[] fw = model.getFeatureWeights();   // m + 1 entries: features then the bias column
        double sign = model.getLabels()[0] == 1 ? 1 : -1; // liblinear's positive side is its first label
        double[] w = new double[m];
        for (int j = 0; j < m; j++) w[j] = sign * fw[j];
        return new Hyperplane(w, sign * fw[m]);
    }
}
