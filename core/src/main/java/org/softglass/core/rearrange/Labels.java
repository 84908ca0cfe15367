package org.softglass.core.rearrange;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Training labels (DESIGN §4) and balanced seeded sampling.
 *
 * <p><b>Rearranging</b> ({@code 001}, {@code 002}): events with p* &gt; p_c (0.6 for KA), structure at
 * {@code t_start − lead} ({@code lead} = 2τ in frames). An event is used only if its opening was
 * observed ({@link Event#startObserved()}: p_hop was defined and ≤ p_L the frame before), since
 * otherwise t_start is unknown; an event still open at the end of the trajectory is used (its p* is a
 * lower bound and already exceeds p_c). Events whose structure frame would precede frame 0 are
 * skipped and counted. The sample's p_hop value is p*.
 *
 * <p><b>Stable</b>: {@link StableIntervals}. <b>Extreme tails</b>: {@link TailSelector}.
 */
public final class Labels {
    private Labels() {}

    /**
     * Rearranging samples (label 1) from events.
     *
     * @param pc threshold p_c on p* (σ²)
     * @param lead frames between the structure frame and t_start, ≥ 0
     * @param selected which slots may give samples (null: all)
     * @param skipped {@code skipped[0]} is increased by the events left out because the structure frame
     *     would precede frame 0
     * @return samples sorted by (frame, slot)
     */
    public static SampleList rearranging(List<Event> events, double pc, int lead, boolean[] selected, int[] skipped) {
        if (!Double.isFinite(pc)) throw new IllegalArgumentException("p_c must be finite, got " + pc);
        if (lead < 0) throw new IllegalArgumentException("lead must be >= 0 frames, got " + lead);
        SampleList s = new SampleList();
        for (Event e : events) {
            if (!(e.pStar() > pc) || !e.startObserved() || (selected != null && !selected[e.slot()])) continue;
            int f = e.frameStart() - lead;
            if (f < 0) skipped[0]++;
            else s.add(f, e.slot(), 1, e.pStar());
        }
        return s.sorted();
    }

    /**
     * Balanced seeded sampling: m = min(#label 1, #label 0) samples of each label (at most
     * {@code maxPerLabel} if that is ≥ 1), drawn without replacement. Each list is first sorted by
     * (frame, slot) so the draw does not depend on the order samples were found; then a partial
     * Fisher–Yates shuffle with {@code new SplittableRandom(seed)} picks the label-1 samples, and the
     * same generator continues for label 0. Same inputs and seed → same samples.
     *
     * @param ones samples labelled 1; @param zeros samples labelled 0 (neither is modified)
     * @param maxPerLabel cap on m; ≤ 0 for none
     * @return the 2m samples sorted by (frame, slot, label)
     */
    public static SampleList balanced(SampleList ones, SampleList zeros, long seed, int maxPerLabel) {
        SampleList a = ones.sorted(), b = zeros.sorted();
        int m = Math.min(a.size(), b.size());
        if (maxPerLabel > 0) m = Math.min(m, maxPerLabel);
        SplittableRandom rnd = new SplittableRandom(seed);
        SampleList out = new SampleList();
        draw(a, m, rnd, out);
        draw(b, m, rnd, out);
        return out.sorted();
    }

    private static void draw(SampleList from, int m, SplittableRandom rnd, SampleList out) {
        int n = from.size();
        int[] idx = new int[n];
        for (int k = 0; k < n; k++) idx[k] = k;
        for (int k = 0; k < m; k++) {
            int j = k + rnd.nextInt(n - k);
            int t = idx[k]; idx[k] = idx[j]; idx[j] = t;
            out.add(from, idx[k]);
        }
    }

    /**
     * Slot mask of a species choice: "all", "A" (type 1), "B" (type 2), or a LAMMPS type number.
     *
     * @throws IllegalArgumentException for another value
     */
    public static boolean[] speciesMask(int[] types, String species) {
        boolean[] m = new boolean[types.length];
        int want = switch (species) {
            case "all" -> 0;
            case "A" -> 1;
            case "B" -> 2;
            default -> {
                try {
                    int t = Integer.parseInt(species);
                    if (t < 1) throw new NumberFormatException();
                    yield t;
                } catch (NumberFormatException e) {
                    throw new org.softglass.core.util.InvalidParameter("{species} must be A, B, all or a LAMMPS type >= 1, got '" + species + "'");
                }
            }
        };
        for (int i = 0; i < types.length; i++) m[i] = want == 0 || types[i] == want;
        return m;
    }
}
