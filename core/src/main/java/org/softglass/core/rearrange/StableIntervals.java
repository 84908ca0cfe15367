package org.softglass.core.rearrange;

/**
 * Stable (non-rearranging) samples ({@code 001}, DESIGN §4): particles whose p_hop stays below p_l
 * (strictly) for a duration τ_c, labelled 0 with the structure at the middle of that interval.
 *
 * <p>τ_c is k = round(τ_c/Δ) frame intervals ({@link Frames#count}), so an interval is k + 1
 * consecutive frames, all with defined p_hop &lt; p_l. Each particle's runs of such frames are cut
 * into non-overlapping intervals from the start of the run (a run of L frames gives floor(L/(k+1))
 * intervals); the sample frame is {@code first + k/2} (integer division: for odd k the earlier of the
 * two middle frames) and its p_hop value is the maximum over the interval. Only particles with
 * {@code selected[slot]} are considered.
 */
public final class StableIntervals implements PhopSink {
    private final double pl;
    private final int k;
    private final boolean[] selected;
    private int[] runStart;
    private double[] runMax;
    private final SampleList samples = new SampleList();

    /**
     * @param pl threshold p_l (σ²), finite and &gt; 0
     * @param intervals k ≥ 1 frame intervals per stable interval
     * @param selected which slots may give samples (not modified; null: all)
     */
    public StableIntervals(double pl, int intervals, boolean[] selected) {
        if (!(pl > 0) || !Double.isFinite(pl)) throw new IllegalArgumentException("p_l must be finite and > 0, got " + pl);
        if (intervals < 1) throw new IllegalArgumentException("stable interval must span >= 1 frame interval, got " + intervals);
        this.pl = pl;
        this.k = intervals;
        this.selected = selected;
    }

    @Override
    public void start(PhopHeader h) {
        runStart = new int[h.size()];
        runMax = new double[h.size()];
        java.util.Arrays.fill(runStart, -1);
        h.checkSelection(selected);
    }

    @Override
    public void row(int frame, long timestep, double time, double[] phop) {
        for (int i = 0; i < phop.length; i++) {
            if (selected != null && !selected[i]) continue;
            double p = phop[i];
            if (!(p < pl)) { // NaN or too high: the run breaks
                runStart[i] = -1;
                continue;
            }
            if (runStart[i] < 0) {
                runStart[i] = frame;
                runMax[i] = p;
            } else if (p > runMax[i]) {
                runMax[i] = p;
            }
            if (frame - runStart[i] == k) {
                samples.add(runStart[i] + k / 2, i, 0, runMax[i]);
                runStart[i] = -1;
            }
        }
    }

    @Override
    public void finish(int frames) {}

    /** The stable samples found (label 0), in order of the end of their intervals. */
    public SampleList samples() { return samples; }
}
