package org.softglass.core.aging;

/**
 * A model's ⟨S⟩(t) after the quench on its own (raw) time axis, read on the MD's axis through a
 * time-matching factor f ({@link org.softglass.core.compare.TimeMatching}: model rates × f, model times
 * / f): the model value shown at MD waiting time t_w is the raw curve at t = f·t_w.
 *
 * <p>Between raw times the curve is interpolated linearly in ln t (aging curves are smooth in ln t; with
 * the ≥ 20 points per decade used by {@link ModelAging} the interpolation error is O((Δ ln t)²·|d²⟨S⟩/d(ln t)²|)
 * ≲ 1e-4 for curves that change by O(0.1) per decade); at a raw time equal to a grid time the grid value is
 * returned exactly. At t_w = 0 the curve gives {@code atZero} (the equilibrium ⟨S⟩ at T_I, the state
 * before the quench). Outside the raw range: NaN.
 *
 * @param name the model (trap, trsp)
 * @param rawTimes raw model times, strictly ascending, &gt; 0
 * @param mean ⟨S⟩ at each raw time
 * @param error its 1σ error (NaN where the model is deterministic)
 * @param atZero ⟨S⟩ at t = 0
 */
public record ModelCurve(String name, double[] rawTimes, double[] mean, double[] error, double atZero) {
    public ModelCurve {
        if (rawTimes.length != mean.length || error.length != mean.length) throw new IllegalArgumentException(name + ": lengths differ");
        for (int i = 0; i < rawTimes.length; i++) {
            if (!(rawTimes[i] > 0) || (i > 0 && !(rawTimes[i] > rawTimes[i - 1]))) {
                throw new IllegalArgumentException(name + ": raw times must be > 0 and strictly ascending");
            }
        }
        rawTimes = rawTimes.clone();
        mean = mean.clone();
        error = error.clone();
    }

    /** A value and its 1σ error. */
    public record Point(double mean, double error) {}

    /**
     * The model at MD waiting time {@code tw} (τ) with matching factor {@code factor}: the raw curve at
     * t = factor·tw.
     *
     * @param factor f &gt; 0 (1 when unmatched)
     */
    public Point atMatched(double tw, double factor) {
        if (!(factor > 0)) throw new IllegalArgumentException("matching factor must be > 0, got " + factor);
        return atRaw(tw * factor);
    }

    /** The raw curve at model time t. */
    public Point atRaw(double t) {
        if (t == 0) return new Point(atZero, Double.NaN);
        int n = rawTimes.length;
        if (n == 0 || !(t >= rawTimes[0] * (1 - 1e-12)) || !(t <= rawTimes[n - 1] * (1 + 1e-12))) return new Point(Double.NaN, Double.NaN);
        int k = java.util.Arrays.binarySearch(rawTimes, t);
        if (k >= 0) return new Point(mean[k], error[k]);
        int hi = Math.min(n - 1, Math.max(1, -k - 1)), lo = hi - 1;
        if (t <= rawTimes[0]) return new Point(mean[0], error[0]);
        if (t >= rawTimes[n - 1]) return new Point(mean[n - 1], error[n - 1]);
        double w = Math.log(t / rawTimes[lo]) / Math.log(rawTimes[hi] / rawTimes[lo]);
        return new Point(mean[lo] + w * (mean[hi] - mean[lo]), error[lo] + w * (error[hi] - error[lo]));
    }
}
