package org.softglass.core.softness;

import java.util.Random;

/**
 * Seeded, stratified k-fold cross-validated accuracy of {@link LinearSvm}: the rows of each label
 * are shuffled (Fisher–Yates with {@code java.util.Random(seed)}) and dealt round-robin into k folds,
 * so every fold has the class balance of the whole set; each fold is predicted by a model trained on
 * the other k − 1 folds (standardised on those folds only, so no test information leaks in).
 * Accuracy = correctly predicted rows / all rows. Same inputs and seed → same result.
 */
public final class CrossValidation {
    private CrossValidation() {}

    /** The fold (0..k−1) of every row; stratified by label, deterministic for a seed. */
    public static int[] folds(int[] y, int k, long seed) {
        if (k < 2) throw new IllegalArgumentException("cross-validation needs k >= 2 folds, got " + k);
        int n = y.length;
        int[] fold = new int[n];
        Random rnd = new Random(seed);
        for (int label = 0; label <= 1; label++) {
            int cnt = 0;
            for (int v : y) if (v == label) cnt++;
            int[] idx = new int[cnt];
            for (int i = 0, t = 0; i < n; i++) if (y[i] == label) idx[t++] = i;
            for (int i = cnt - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int s = idx[i]; idx[i] = idx[j]; idx[j] = s; }
            for (int t = 0; t < cnt; t++) fold[idx[t]] = t % k;
        }
        return fold;
    }

    /**
     * k-fold accuracy of a standardised linear SVM on raw rows {@code x} (not modified).
     *
     * @throws org.softglass.core.util.Refusal if a label has fewer than k rows (a fold would miss it)
     */
    public static double accuracy(double[][] x, int[] y, int k, double c, LinearSvm.Solver solver, double eps, long seed) {
        int[] fold = folds(requireFolds(y, k), k, seed);
        long correct = 0;
        for (int f = 0; f < k; f++) {
            FoldModel m = FoldModel.train(x, y, fold, f, c, solver, eps, seed);
            Standardization st = m.st();
            Hyperplane h = m.h();
            double[] z = new double[st.size()];
            for (int i = 0; i < y.length; i++) {
                if (fold[i] != f) continue;
                int pred = h.value(st.apply(x[i], z)) > 0 ? 1 : 0;
                if (pred == y[i]) correct++;
            }
        }
        return (double) correct / y.length;
    }

    /**
     * Out-of-fold decision values without bias, for the cross-validated accuracy as a function of the bias
     * ({@code 003} Fig. 1): with the same folds, standardisation and models as {@link #accuracy}, row i gets
     * d_i = w_f·z_i, w_f the normal of the model trained without i's fold f and z_i the row standardised on the
     * other folds; {@code bias[f]} is that model's own bias (its prediction is d &gt; −bias[f]). The cross-validated
     * accuracy at a common threshold b (predict 1 when d &gt; b) is then the count over all rows, e.g.
     * {@code org.softglass.core.fluidity.BiasScan.scan(d, y)}.
     *
     * @param decisions d_i (length n, aligned with {@code x})
     * @param bias      each fold model's bias (length k)
     * @param fold      each row's fold
     */
    public record OutOfFold(double[] decisions, double[] bias, int[] fold) {}

    /**
     * The out-of-fold decision values of a k-fold cross-validation ({@link OutOfFold}); {@code x} and {@code y} are not
     * modified. Same inputs and seed → same values, and the fold models are those of {@link #accuracy}.
     *
     * @throws org.softglass.core.util.Refusal if a label has fewer than k rows
     */
    public static OutOfFold outOfFold(double[][] x, int[] y, int k, double c, LinearSvm.Solver solver, double eps, long seed) {
        int[] fold = folds(requireFolds(y, k), k, seed);
        double[] d = new double[y.length], bias = new double[k];
        for (int f = 0; f < k; f++) {
            FoldModel m = FoldModel.train(x, y, fold, f, c, solver, eps, seed);
            Standardization st = m.st();
            Hyperplane h = m.h();
            bias[f] = h.b();
            double[] z = new double[st.size()];
            double[] w = h.w();
            for (int i = 0; i < y.length; i++) {
                if (fold[i] != f) continue;
                st.apply(x[i], z);
                double s = 0;
                for (int j = 0; j < w.length; j++) s += w[j] * z[j];
                d[i] = s;
            }
        }
        return new OutOfFold(d, bias, fold);
    }

    /**
     * The model of fold f: standardised on, and trained on, the rows of the other folds (seed + f), as both
     * {@link #accuracy} and {@link #outOfFold} use it.
     */
    private record FoldModel(Standardization st, Hyperplane h) {
        static FoldModel train(double[][] x, int[] y, int[] fold, int f, double c, LinearSvm.Solver solver, double eps, long seed) {
            int nTest = 0;
            for (int v : fold) if (v == f) nTest++;
            double[][] xt = new double[y.length - nTest][];
            int[] yt = new int[y.length - nTest];
            for (int i = 0, t = 0; i < y.length; i++) if (fold[i] != f) { xt[t] = x[i]; yt[t++] = y[i]; }
            Standardization st = Standardization.fit(xt);
            return new FoldModel(st, LinearSvm.train(st.apply(xt), yt, c, solver, eps, seed + f));
        }
    }

    /** {@code y}, when each label has at least k rows. @throws org.softglass.core.util.Refusal otherwise (a fold would miss a label) */
    private static int[] requireFolds(int[] y, int k) {
        int ones = 0;
        for (int v : y) ones += v;
        if (Math.min(ones, y.length - ones) < k) {
            throw new org.softglass.core.util.Refusal(k + "-fold cross-validation needs at least " + k + " rows of each label; got "
                    + ones + " labelled 1 and " + (y.length - ones) + " labelled 0");
        }
        return y;
    }
}
