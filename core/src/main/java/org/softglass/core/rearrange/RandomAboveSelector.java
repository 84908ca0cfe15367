package org.softglass.core.rearrange;

import java.util.SplittableRandom;

/**
 * The "randomly selected" class of the immobile-vs-random control classifier ({@code 003} Appendix 2, Fig. 8): of the
 * defined p_hop values of the selected particles with p_hop &gt; p_l (p_l the cut of the immobile tail,
 * {@link TailSelector#lowerCut()}) whose structure frame {@code frame − lead} is not before frame 0, K are drawn
 * uniformly without replacement and labelled 1; the immobile class (label 0) is the low tail of {@link TailSelector}.
 *
 * <p>Streaming reservoir sampling (Vitter's algorithm R): the m-th eligible value (m &gt; K, counted in frame order,
 * then slot order) replaces a uniformly drawn reservoir entry with probability K/m, so every eligible value is kept
 * with probability K/M after M eligible values. Deterministic for a seed ({@code new SplittableRandom(seed)}).
 */
public final class RandomAboveSelector implements PhopSink {
    private final int k, lead;
    private final double cut;
    private final boolean[] selected;
    private final SplittableRandom rnd;
    private final int[] frames, slots;
    private final double[] values;
    private long seen;

    /**
     * @param count    K ≥ 1 samples to draw
     * @param cut      p_l: only values strictly above it are eligible (σ²)
     * @param lead     frames between the structure frame and the p_hop frame, ≥ 0
     * @param selected which slots count (not modified; null: all)
     * @param seed     seed of the draw
     */
    public RandomAboveSelector(int count, double cut, int lead, boolean[] selected, long seed) {
        if (count < 1) throw new IllegalArgumentException("sample count must be >= 1, got " + count);
        if (lead < 0) throw new IllegalArgumentException("lead must be >= 0 frames, got " + lead);
        if (Double.isNaN(cut)) throw new IllegalArgumentException("the p_hop cut is NaN");
        this.k = count;
        this.cut = cut;
        this.lead = lead;
        this.selected = selected;
        this.rnd = new SplittableRandom(seed);
        this.frames = new int[count];
        this.slots = new int[count];
        this.values = new double[count];
    }

    @Override
    public void start(PhopHeader h) {
        h.checkSelection(selected);
    }

    @Override
    public void row(int frame, long timestep, double time, double[] phop) {
        if (frame - lead < 0) return;
        for (int i = 0; i < phop.length; i++) {
            double p = phop[i];
            if (!(p > cut) || (selected != null && !selected[i])) continue;   // NaN fails p > cut
            seen++;
            int slot;
            if (seen <= k) {
                slot = (int) (seen - 1);
            } else {
                long j = rnd.nextLong(seen);
                if (j >= k) continue;
                slot = (int) j;
            }
            frames[slot] = frame;
            slots[slot] = i;
            values[slot] = p;
        }
    }

    @Override
    public void finish(int frames) {}

    /** M, the number of eligible values seen. */
    public long eligible() { return seen; }

    /** The drawn samples (label 1, structure frame = p_hop frame − lead), min(K, M) of them, sorted by (frame, slot). */
    public SampleList samples() {
        SampleList s = new SampleList();
        int n = (int) Math.min(k, seen);
        for (int q = 0; q < n; q++) s.add(frames[q] - lead, slots[q], 1, values[q]);
        return s.sorted();
    }
}
