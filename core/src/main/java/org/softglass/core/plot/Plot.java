package org.softglass.core.plot;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.softglass.core.io.AtomicOutput;

/**
 * A small x–y plot written as PNG, the one way every command draws its figures (XChart, headless).
 *
 * <p>Usage: {@code Plot.xy("Q(t)", "t", "Q").logX().line("trap", t, q).points("MD", t2, q2).save(path)}.
 * Series are drawn in the order added. Non-finite points are dropped (XChart refuses them), and on
 * logarithmic axes so are points ≤ 0, so a series with a few undefined values still plots. The file
 * is written atomically ({@link AtomicOutput}): it appears complete or not at all.
 *
 * <p>Not thread-safe; each call builds its own chart.
 */
public final class Plot {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final XYChart chart;
    private boolean logX, logY;
    private int series;

    private Plot(String title, String xLabel, String yLabel, int width, int height) {
        chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        var st = chart.getStyler();
        st.setLegendVisible(true);
        st.setMarkerSize(5);
        // white background, thin light solid grid: dashed grey lines at every minor decade tick of a log
        // axis read as noise
        st.setChartBackgroundColor(java.awt.Color.WHITE);
        st.setPlotBackgroundColor(java.awt.Color.WHITE);
        st.setLegendBorderColor(java.awt.Color.LIGHT_GRAY);
        st.setPlotGridLinesColor(new java.awt.Color(228, 228, 228));
        st.setPlotGridLinesStroke(new java.awt.BasicStroke(0.6f));
    }

    /** A 720 × 480 plot with the given title and axis labels. */
    public static Plot xy(String title, String xLabel, String yLabel) {
        return new Plot(title, xLabel, yLabel, 720, 480);
    }

    /** A plot of the given size in pixels. */
    public static Plot xy(String title, String xLabel, String yLabel, int width, int height) {
        return new Plot(title, xLabel, yLabel, width, height);
    }

    /** Logarithmic x axis (points with x ≤ 0 are dropped). Call before adding series. */
    public Plot logX() { logX = true; chart.getStyler().setXAxisLogarithmic(true); return this; }

    /** Logarithmic y axis (points with y ≤ 0 are dropped). Call before adding series. */
    public Plot logY() { logY = true; chart.getStyler().setYAxisLogarithmic(true); return this; }

    /** Adds a line without markers. */
    public Plot line(String name, double[] x, double[] y) {
        return add(name, x, y, null, XYSeries.XYSeriesRenderStyle.Line, false);
    }

    /** Adds markers without a line. */
    public Plot points(String name, double[] x, double[] y) {
        return add(name, x, y, null, XYSeries.XYSeriesRenderStyle.Scatter, true);
    }

    /** Adds markers with symmetric error bars {@code y ± err}. */
    public Plot errors(String name, double[] x, double[] y, double[] err) {
        return add(name, x, y, err, XYSeries.XYSeriesRenderStyle.Scatter, true);
    }

    private Plot add(String name, double[] x, double[] y, double[] err,
                     XYSeries.XYSeriesRenderStyle style, boolean markers) {
        if (x.length != y.length || (err != null && err.length != x.length)) {
            throw new IllegalArgumentException("series '" + name + "': x, y" + (err != null ? ", err" : "")
                    + " lengths differ (" + x.length + ", " + y.length + (err != null ? ", " + err.length : "") + ")");
        }
        int n = 0;
        for (int i = 0; i < x.length; i++) if (keep(x[i], y[i], err == null ? 0 : err[i])) n++;
        if (n == 0) return this;
        double[] xs = new double[n], ys = new double[n], es = err == null ? null : new double[n];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (!keep(x[i], y[i], err == null ? 0 : err[i])) continue;
            xs[k] = x[i]; ys[k] = y[i];
            if (es != null) es[k] = err[i];
            k++;
        }
        XYSeries s = es == null ? chart.addSeries(name, xs, ys) : chart.addSeries(name, xs, ys, es);
        s.setXYSeriesRenderStyle(style);
        if (!markers) s.setMarker(SeriesMarkers.NONE);
        series++;
        return this;
    }

    private boolean keep(double x, double y, double e) {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(e)
                && !(logX && x <= 0) && !(logY && y <= 0);
    }

    /** The number of series with at least one drawable point. */
    public int seriesCount() { return series; }

    /** Writes the plot as PNG to {@code file} (atomically). */
    public void save(Path file) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicOutput.write(file, out -> out.write(png));
    }
}
