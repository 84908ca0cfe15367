package org.softglass.study.dynamics;

import org.softglass.core.util.Format;
import org.softglass.core.plot.Plot;
import org.softglass.core.rearrange.Persistence;

/**
 * The Q(t), χ4(t) figure shared by the persistence and the overlap: Q with its blocked error bars, the points without
 * an error (fewer than {@link Persistence#MIN_BLOCKS} origins) as their own series (the plot drops points whose error
 * bar is NaN), and χ4/χ4* on the same log-t axis (both lie in [0, 1]; t = 0 is off a log axis and not drawn).
 */
final class OverlapPlot {
    private OverlapPlot() {}

    /**
     * @param title    figure title
     * @param times    t per lag (τ)
     * @param q        Q per lag
     * @param qErr     its error, NaN where none
     * @param chi4     χ4 per lag
     * @param chi4Star χ4* (the χ4 curve is divided by it)
     */
    static Plot of(String title, double[] times, double[] q, double[] qErr, double[] chi4, double chi4Star) {
        int nl = times.length;
        double[] scaled = new double[nl], withErr = new double[nl], noErr = new double[nl];
        for (int j = 0; j < nl; j++) {
            scaled[j] = chi4[j] / chi4Star;
            boolean e = Double.isFinite(qErr[j]);
            withErr[j] = e ? q[j] : Double.NaN;
            noErr[j] = e ? Double.NaN : q[j];
        }
        return Plot.xy(title, "t (tau)", "Q, chi4 / chi4*")
                .logX()
                .errors("Q(t)", times, withErr, qErr)
                .points("Q(t), < " + Persistence.MIN_BLOCKS + " origins (no error)", times, noErr)
                .points("chi4(t) / chi4* (chi4* = " + Format.g4(chi4Star) + ")", times, scaled);
    }
}
