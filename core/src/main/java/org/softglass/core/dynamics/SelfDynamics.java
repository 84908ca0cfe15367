package org.softglass.core.dynamics;

/**
 * Self part of the intermediate scattering function and the mean-squared displacement at lags
 * {@code t_k = lag_k · dt}, averaged over particles of one species and over all time origins:
 * <pre>
 *   F_s(q, t) = ⟨ sin(q |Δr|) / (q |Δr|) ⟩,     MSD(t) = ⟨ |Δr|² ⟩,     Δr = r_i(t0 + t) − r_i(t0),
 * </pre>
 * F_s in its isotropic form (the exact average of cos(q·Δr) over the directions of q; a single-
 * trajectory estimate that is smoother than an average over a few lattice vectors).
 *
 * @param time lag times (τ)
 * @param fs F_s(q, t)
 * @param msd MSD(t) (σ²)
 * @param q the wave number used (σ⁻¹)
 */
public record SelfDynamics(double[] time, double[] fs, double[] msd, double q) {

    /**
     * Lags 1..F−1 frames thinned to about {@code perDecade} per decade (quasi-logarithmic, always
     * including 1 and F−1).
     */
    public static int[] logLags(int frames, int perDecade) {
        if (frames < 2) throw new IllegalArgumentException("need at least 2 frames");
        java.util.TreeSet<Integer> s = new java.util.TreeSet<>();
        s.add(1);
        s.add(frames - 1);
        double step = Math.pow(10, 1.0 / Math.max(1, perDecade));
        for (double l = 1; l < frames; l *= step) s.add((int) Math.round(l));
        return s.stream().mapToInt(Integer::intValue).filter(v -> v >= 1 && v < frames).toArray();
    }

    /**
     * @param speciesFilter species to include (−1 for all)
     * @param lags lags in frames, each in [1, F)
     */
    public static SelfDynamics compute(Trajectory t, double q, int speciesFilter, int[] lags) {
        if (!(q > 0)) throw new IllegalArgumentException("q must be > 0, got " + q);
        int n = t.size();
        double[] time = new double[lags.length], fs = new double[lags.length], msd = new double[lags.length];
        int ns = 0;
        for (int i = 0; i < n; i++) if (t.selected(i, speciesFilter)) ns++;
        if (ns == 0) throw new IllegalArgumentException("no particle of species " + speciesFilter);
        for (int k = 0; k < lags.length; k++) {
            int lag = lags[k];
            if (lag < 1 || lag >= t.frames()) throw new IllegalArgumentException("lag " + lag + " outside [1, " + t.frames() + ")");
            double sf = 0, sm = 0;
            int origins = t.frames() - lag;
            for (int o = 0; o < origins; o++) {
                double[] a = t.positions()[o], b = t.positions()[o + lag];
                for (int i = 0; i < n; i++) {
                    if (!t.selected(i, speciesFilter)) continue;
                    double dx = b[3 * i] - a[3 * i], dy = b[3 * i + 1] - a[3 * i + 1], dz = b[3 * i + 2] - a[3 * i + 2];
                    double r2 = dx * dx + dy * dy + dz * dz, qr = q * Math.sqrt(r2);
                    sf += qr < 1e-4 ? 1 - qr * qr / 6 : Math.sin(qr) / qr;
                    sm += r2;
                }
            }
            time[k] = lag * t.dt();
            fs[k] = sf / ((double) origins * ns);
            msd[k] = sm / ((double) origins * ns);
        }
        return new SelfDynamics(time, fs, msd, q);
    }

    /**
     * τ_α: the first time F_s falls to {@code level} (paper 004: 0.2), interpolated linearly in ln t
     * between the bracketing lags.
     *
     * @throws IllegalArgumentException if F_s never reaches the level (trajectory too short)
     */
    public static double relaxationTime(double[] time, double[] fs, double level) {
        if (fs.length > 0 && fs[0] <= level) {
            throw new org.softglass.core.util.Refusal("F_s is already " + fs[0] + " <= " + level + " at the first lag t = " + time[0]
                    + "; use a finer frame spacing");
        }
        for (int k = 1; k < fs.length; k++) {
            if (fs[k] <= level) {
                double w = (fs[k - 1] - level) / (fs[k - 1] - fs[k]);
                return Math.exp(Math.log(time[k - 1]) + w * (Math.log(time[k]) - Math.log(time[k - 1])));
            }
        }
        throw new org.softglass.core.util.Refusal(String.format("F_s does not reach %.3g within the trajectory (last value %.4g at t = %.4g);"
                + " run longer", level, fs.length == 0 ? Double.NaN : fs[fs.length - 1], time.length == 0 ? Double.NaN : time[time.length - 1]));
    }

    /** τ_α of this F_s at the given level. */
    public double relaxationTime(double level) { return relaxationTime(time, fs, level); }
}
