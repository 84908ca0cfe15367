package org.softglass.core.dynamics;

/**
 * Self part of the van Hove correlation function at one lag t = lag · dt, averaged over the particles of one species
 * and over every time origin ({@code 003} Fig. 2 inset, "the self part of the Van Hove correlation function for large
 * particles at a timescale of 10 LJ time units"):
 * <pre>
 *   G_s(r, t) = 1/(N_s N_o) Σ_o Σ_i δ(r − |r_i(t_o + t) − r_i(t_o)|) / (4π r²),      ∫ 4π r² G_s(r, t) dr = 1,
 * </pre>
 * as a histogram of |Δr| on bins [k·dr, (k+1)·dr), k = 0..bins−1: G_s of bin k is its count divided by N_s N_o and by
 * the shell volume 4π/3 (r_hi³ − r_lo³) (σ⁻³), and {@link #radial} = 4πr²G_s, the probability density of |Δr| (the
 * count divided by N_s N_o dr, σ⁻¹), is what {@code 003} draws (Gaussian at high T, an exponential tail at low T).
 * Displacements at or beyond bins·dr are counted in {@link #beyond}, so Σ_k radial_k dr + beyond = 1 exactly.
 *
 * @param lagTime t (τ)
 * @param dr      bin width (σ)
 * @param r       bin centres (σ)
 * @param gs      G_s(r, t) per bin (σ⁻³)
 * @param radial  4πr²G_s per bin, the density of |Δr| (σ⁻¹)
 * @param beyond  fraction of displacements ≥ bins·dr
 * @param samples N_s N_o, the displacements counted
 */
public record VanHove(double lagTime, double dr, double[] r, double[] gs, double[] radial, double beyond, long samples) {

    /**
     * @param t             the trajectory (unwrapped positions; not modified)
     * @param speciesFilter species index to include (0 = type 1, the large A particles), −1 for all
     * @param lag           the lag in frames, in [1, F)
     * @param dr            bin width (σ), &gt; 0
     * @param bins          number of bins, ≥ 1
     */
    public static VanHove compute(Trajectory t, int speciesFilter, int lag, double dr, int bins) {
        if (lag < 1 || lag >= t.frames()) throw new IllegalArgumentException("lag " + lag + " outside [1, " + t.frames() + ")");
        if (!(dr > 0) || !Double.isFinite(dr)) throw new IllegalArgumentException("bin width must be finite and > 0, got " + dr);
        if (bins < 1) throw new IllegalArgumentException("need at least 1 bin, got " + bins);
        int n = t.size();
        long[] count = new long[bins];
        long outside = 0, total = 0;
        for (int o = 0; o + lag < t.frames(); o++) {
            double[] a = t.positions()[o], b = t.positions()[o + lag];
            for (int i = 0; i < n; i++) {
                if (!t.selected(i, speciesFilter)) continue;
                double dx = b[3 * i] - a[3 * i], dy = b[3 * i + 1] - a[3 * i + 1], dz = b[3 * i + 2] - a[3 * i + 2];
                double k = Math.sqrt(dx * dx + dy * dy + dz * dz) / dr;
                if (k >= bins) outside++;
                else count[(int) k]++;
                total++;
            }
        }
        if (total == 0) throw new IllegalArgumentException("no particle of species " + speciesFilter);
        double[] r = new double[bins], gs = new double[bins], radial = new double[bins];
        for (int k = 0; k < bins; k++) {
            double lo = k * dr, hi = (k + 1) * dr;
            r[k] = 0.5 * (lo + hi);
            double p = (double) count[k] / total;
            gs[k] = p / (4 * Math.PI / 3 * (hi * hi * hi - lo * lo * lo));
            radial[k] = p / dr;
        }
        return new VanHove(lag * t.dt(), dr, r, gs, radial, (double) outside / total, total);
    }
}
