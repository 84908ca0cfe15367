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
     * @throws IllegalArgumentException if a label has fewer than k rows (a fold would miss it)
     */
    public static double accuracy(double[][] x, int[] y, int k, double c, LinearSvm.Solver solver, double eps, long seed) {
        int ones = 0;
        for (int v : y) ones += v;
        if (Math.min(ones, y.length - ones) < k) {
            throw new org.softglass.core.util.Refusal(k + "-fold cross-validation needs at least " + k + " rows of each label; got "
                    + ones + " labelled 1 and " + (y.length - ones) + " labelled 0");
        }
        int[] fold = folds(y, k, seed);
        long correct = 0;
        for (int f = 0; f < k; f++) {
            int nTest = 0;
            for (int v : fold) if (v == f) nTest++;
            double[][] xt = new double[y.length - nTest][];
            int[] yt = new int[y.length - nTest];
            for (int i = 0, t = 0; i < y.length; i++) if (fold[i] != f) { xt[t] = x[i]; yt[t++] = y[i]; }
            Standardization st = Standardization.fit(xt);
            Hyperplane h = LinearSvm.train(st.apply(xt), yt, c, solver, eps, seed + f);
            double[] z = new double[st.size()];
            for (int i = 0; i < y.length; i++) {
                if (fold[i] != f) continue;
                int pred = h.value(st.apply(x[i], z)) > 0 ? 1 : 0;
                if (pred == y[i]) correct++;
            }
        }
        return (double) correct / y.length;
    }
}
