package org.softglass.cli.report;

import org.softglass.core.util.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.softglass.core.plot.Plot;

/**
 * The one-line helpers the report classes share ({@link PipelineReport}, {@link PipelineFits},
 * {@link PipelineComparison}, {@link PipelineHtml}, {@link PipelineFallbacks}): numbers as index.html prints
 * them, numbers written back as null where not finite, and the small curve helpers of the figures. The stage
 * outputs are read by the typed readers beside their writers (e.g. {@link org.softglass.study.dynamics.OverlapSummary}).
 */
final class ReportNumbers {
    private ReportNumbers() {}

    /** 4 significant digits ({@link Locale#ROOT}), "n/a" for NaN or ±∞: the numbers of index.html's tables. */
    static String fmt(double v) { return Double.isFinite(v) ? Format.g4(v) : "n/a"; }

    /** v, or null (JSON null in summary.json) where not finite. */
    static Double fin(double v) { return Double.isFinite(v) ? v : null; }

    /** The arithmetic mean (NaN for no values). */
    static double mean(double[] v) {
        return org.softglass.core.stats.Descriptive.mean(v);
    }

    /** Adds the points (x_i, y_i) with y_i finite and positive to {@code p} as one series; none: no series. */
    static void addFinite(Plot p, String name, double[] x, double[] y) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (Double.isFinite(y[i]) && y[i] > 0) pts.add(new double[] {x[i], y[i]});
        if (pts.isEmpty()) return;
        p.points(name, pts.stream().mapToDouble(a -> a[0]).toArray(), pts.stream().mapToDouble(a -> a[1]).toArray());
    }

    /** t = 0 cannot sit on a log axis: the first lag (t = 0, Q = 1) is shifted to half the second (a copy; t is not modified). */
    static double[] positive(double[] t) {
        double[] r = t.clone();
        if (r.length > 1 && r[0] <= 0) r[0] = r[1] / 2;
        return r;
    }

    /** About n points of a curve, evenly spaced in index (the raw model curves are drawn as markers): {x, y}. */
    static double[][] thin(double[] x, double[] y, int n) {
        int step = Math.max(1, x.length / n);
        int m = (x.length + step - 1) / step;
        double[][] r = new double[2][m];
        for (int i = 0, k = 0; i < x.length; i += step, k++) {
            r[0][k] = x[i];
            r[1][k] = y[i];
        }
        return r;
    }
}
