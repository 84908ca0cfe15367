package org.softglass.core.fluidity;

import java.util.Arrays;

/**
 * Re-optimising a classifier's bias on a labelled test set ({@code 003} Figs. 1–2, Table I): with
 * decision values d_i = w·z_i (no bias) and labels y_i ∈ {0,1}, the prediction at threshold b is
 * "1 if d &gt; b"; accuracy(b) = (#{y=1, d&gt;b} + #{y=0, d≤b})/n. The scan visits every threshold
 * between consecutive distinct sorted d (and below/above all); b_best is the midpoint of the gap
 * with the highest accuracy (the lowest such gap on ties: deterministic).
 *
 * @param best b_best
 * @param bestAccuracy accuracy at b_best
 * @param thresholds the scanned thresholds, ascending
 * @param accuracy accuracy at each threshold
 */
public record BiasScan(double best, double bestAccuracy, double[] thresholds, double[] accuracy) {

    /**
     * @param d decision values w·z (not modified; all finite)
     * @param y labels 0/1 (not modified)
     * @throws IllegalArgumentException without both labels, or with non-finite values
     */
    public static BiasScan scan(double[] d, int[] y) {
        int n = d.length;
        if (y.length != n) throw new IllegalArgumentException("decision values (" + n + ") and labels (" + y.length + ") differ in number");
        Integer[] idx = new Integer[n];
        int ones = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(d[i])) throw new org.softglass.core.util.NumericalFailure("decision value " + i + " is not finite");
            if (y[i] != 0 && y[i] != 1) throw new IllegalArgumentException("label " + i + " is " + y[i] + ", expected 0 or 1");
            idx[i] = i; ones += y[i];
        }
        if (ones == 0 || ones == n) throw new org.softglass.core.util.Refusal("the bias scan needs test samples of both labels; got " + ones + " of " + n + " labelled 1");
        Arrays.sort(idx, (a, b) -> Double.compare(d[a], d[b]));
        // threshold below everything: all predicted 1
        int correct = ones;
        double[] th = new double[n + 1], acc = new double[n + 1];
        int m = 0;
        double lowest = d[idx[0]], highest = d[idx[n - 1]];
        double span = Math.max(1e-12, highest - lowest);
        th[m] = lowest - 0.5 * span / n - 1e-12; acc[m++] = (double) correct / n;
        for (int k = 0; k < n; ) {
            double v = d[idx[k]];
            int j = k;
            while (j < n && d[idx[j]] == v) { correct += y[idx[j]] == 0 ? 1 : -1; j++; }   // these now predicted 0
            double next = j < n ? d[idx[j]] : v + 0.5 * span / n + 1e-12;
            th[m] = j < n ? 0.5 * (v + next) : next;
            acc[m++] = (double) correct / n;
            k = j;
        }
        th = Arrays.copyOf(th, m);
        acc = Arrays.copyOf(acc, m);
        int best = 0;
        for (int i = 1; i < m; i++) if (acc[i] > acc[best]) best = i;
        return new BiasScan(th[best], acc[best], th, acc);
    }

    /** Accuracy of threshold b on (d, y), by direct count (the definition; used to check the scan). */
    public static double accuracy(double[] d, int[] y, double b) {
        int c = 0;
        for (int i = 0; i < d.length; i++) if ((d[i] > b ? 1 : 0) == y[i]) c++;
        return (double) c / d.length;
    }
}
