package org.softglass.core.barriers;

import org.softglass.core.util.Format;
import java.util.List;
import org.softglass.core.fit.FitResult;
import org.softglass.core.fit.WeightedLine;

/**
 * Per-bin Arrhenius fit across temperatures ({@code 001} eq 3, DESIGN §5):
 * ln P(R|S,T) = Σ(S) − ΔE(S)/T, or in the Kramers form of {@code 003}
 * P = (1/T) exp(Σ − ΔE/T), i.e. ln P + ln T = Σ − ΔE/T. A weighted straight line in 1/T with
 * σ(ln P) = σ_P/P, σ_P the block-bootstrap error of {@link ConditionalProbability}. The stated
 * errors are those of the data errors ({@link FitResult}) times {@code errorScale} =
 * sqrt(χ²/dof) when χ²/dof &gt; 1 (DESIGN §7b: "fits with χ²/dof &gt; 1 report errors scaled by
 * √(χ²/dof) and say so"), else 1; with 2 temperatures (dof = 0) the scale is 1.
 *
 * @param bin the bin index
 * @param s mean softness of the bin over its points
 * @param entropy Σ(S)
 * @param entropyErr its 1σ error (scaled by {@code errorScale})
 * @param barrier ΔE(S)
 * @param barrierErr its 1σ error (scaled by {@code errorScale})
 * @param covariance cov(Σ, ΔE) (scaled by errorScale²)
 * @param chi2 χ² of the line
 * @param dof points − 2
 * @param kramers whether the Kramers form was fitted
 * @param errorScale sqrt(χ²/dof) when χ²/dof &gt; 1, else 1 ({@link FitResult#errorScale()})
 */
public record ArrheniusFit(int bin, double s, double entropy, double entropyErr, double barrier, double barrierErr,
                           double covariance, double chi2, int dof, boolean kramers, double errorScale) {

    /** Whether the errors were scaled up by sqrt(χ²/dof) (χ²/dof &gt; 1). */
    public boolean errorsScaled() { return errorScale > 1; }

    /**
     * Fits the points of one bin.
     *
     * @param points the bin's points at different temperatures (not modified)
     * @param minEvents fewest rearrangements a point may have
     * @param pMax P(R|S) at or above which a point is refused
     * @throws IllegalArgumentException naming the point when a point is unusable
     *     ({@link BarrierPoint#unusable}), when fewer than 2 temperatures remain (a single temperature
     *     cannot separate Σ from ΔE), or when the points are not of one bin
     */
    public static ArrheniusFit fit(List<BarrierPoint> points, boolean kramers, long minEvents, double pMax) {
        if (points.isEmpty()) throw new IllegalArgumentException("no points to fit");
        int bin = points.get(0).bin();
        int n = points.size();
        double[] x = new double[n], y = new double[n], e = new double[n];
        double sMean = 0;
        java.util.Set<Double> temps = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            BarrierPoint p = points.get(i);
            if (p.bin() != bin) throw new IllegalArgumentException("points of bins " + bin + " and " + p.bin() + " mixed in one Arrhenius fit");
            String why = p.unusable(minEvents, pMax);
            if (why != null) throw new org.softglass.core.util.Refusal("Arrhenius fit refused: " + why);
            x[i] = 1 / p.t();
            y[i] = p.logP() + (kramers ? Math.log(p.t()) : 0);
            e[i] = p.logPErr();
            sMean += p.s();
            temps.add(p.t());
        }
        if (temps.size() < 2) {
            throw new org.softglass.core.util.Refusal("Arrhenius fit of bin " + bin + " (S = " + Format.g4(sMean / n) + ") needs at least 2 temperatures, got "
                    + temps.size() + ": a single temperature cannot separate Sigma(S) from DeltaE(S)");
        }
        FitResult f = WeightedLine.fit(x, y, e);
        double[] er = f.scaledErrors();
        double g = f.errorScale();
        return new ArrheniusFit(bin, sMean / n, f.params()[0], er[0], -f.params()[1], er[1], -f.covariance()[0][1] * g * g, f.chi2(), f.dof(), kramers, g);
    }
}
