package org.softglass.core.rearrange;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The extreme tails of the p_hop distribution for fluidity training ({@code 003}): of the M defined
 * p_hop values (all frames with a full window, all selected particles), the K = floor(q M) largest
 * are labelled 1 ("extremely diffusive") and the K smallest 0 ("extremely non-diffusive"), q being the
 * tail fraction (0.00033 = 0.033 % in {@code 003}). Each sample's structure is taken at
 * {@code t − lead} frames ({@code 003}: t − 2τ); samples whose structure frame would precede frame 0
 * are skipped and counted.
 *
 * <p>Exact and streaming: two bounded heaps of K entries. Ties are broken by frame, then slot (the
 * earlier one is taken), so the selection is deterministic. The cut values are reported as
 * {@link #upperCut()} (p_u, the smallest selected high value) and {@link #lowerCut()} (p_l, the
 * largest selected low value).
 */
public final class TailSelector implements PhopSink {
    private record Cand(double v, int frame, int slot) {}

    // worst first: the root is the entry to evict
    private static final Comparator<Cand> HIGH_WORST_FIRST = Comparator.comparingDouble(Cand::v)
            .thenComparing(Comparator.comparingInt(Cand::frame).reversed()).thenComparing(Comparator.comparingInt(Cand::slot).reversed());
    private static final Comparator<Cand> LOW_WORST_FIRST = Comparator.comparingDouble(Cand::v).reversed()
            .thenComparing(Comparator.comparingInt(Cand::frame).reversed()).thenComparing(Comparator.comparingInt(Cand::slot).reversed());

    private final int k;
    private final boolean[] selected;
    private final PriorityQueue<Cand> high = new PriorityQueue<>(HIGH_WORST_FIRST), low = new PriorityQueue<>(LOW_WORST_FIRST);

    /**
     * @param perTail K ≥ 1 samples per tail (see {@link #tailSize})
     * @param selected which slots count (not modified; null: all)
     */
    public TailSelector(int perTail, boolean[] selected) {
        if (perTail < 1) throw new IllegalArgumentException("tail size must be >= 1, got " + perTail);
        this.k = perTail;
        this.selected = selected;
    }

    /**
     * K = floor(q M) for M defined values.
     *
     * @throws IllegalArgumentException if q is not in (0, 0.5] or K would be 0
     */
    public static int tailSize(double fraction, long values) {
        if (!(fraction > 0 && fraction <= 0.5)) throw new org.softglass.core.util.InvalidParameter("{tailFraction} must be in (0, 0.5], got " + fraction);
        long kk = (long) Math.floor(fraction * values);
        if (kk < 1) {
            throw new org.softglass.core.util.InvalidParameter("{tailFraction} " + fraction + " of " + values
                    + " p_hop values selects no sample; expected a fraction >= 1/" + values);
        }
        if (kk > Integer.MAX_VALUE / 2) throw new IllegalArgumentException("tail of " + kk + " samples is too large");
        return (int) kk;
    }

    @Override
    public void start(PhopHeader h) {
        h.checkSelection(selected);
    }

    @Override
    public void row(int frame, long timestep, double time, double[] phop) {
        for (int i = 0; i < phop.length; i++) {
            double p = phop[i];
            if (Double.isNaN(p) || (selected != null && !selected[i])) continue;
            offer(high, HIGH_WORST_FIRST, p, frame, i);
            offer(low, LOW_WORST_FIRST, p, frame, i);
        }
    }

    private void offer(PriorityQueue<Cand> q, Comparator<Cand> worstFirst, double p, int frame, int slot) {
        if (q.size() < k) {
            q.add(new Cand(p, frame, slot));
            return;
        }
        Cand root = q.peek();
        Cand c = new Cand(p, frame, slot);
        if (worstFirst.compare(c, root) > 0) { // c is better than the worst kept
            q.poll();
            q.add(c);
        }
    }

    @Override
    public void finish(int frames) {}

    /** p_u: the smallest p_hop among the high-tail samples (NaN if none). */
    public double upperCut() { return high.isEmpty() ? Double.NaN : high.peek().v(); }

    /** p_l: the largest p_hop among the low-tail samples (NaN if none). */
    public double lowerCut() { return low.isEmpty() ? Double.NaN : low.peek().v(); }

    /**
     * The samples (label 1 high tail, 0 low tail) at structure frame {@code frame − lead}; those
     * before frame 0 are left out.
     *
     * @param lead frames between the structure and the p_hop frame, ≥ 0
     * @param skipped receives the number left out per label ({@code skipped[label]}, added to)
     */
    public SampleList samples(int lead, int[] skipped) {
        SampleList s = new SampleList();
        for (Cand c : high) add(s, c, 1, lead, skipped);
        for (Cand c : low) add(s, c, 0, lead, skipped);
        return s.sorted();
    }

    private static void add(SampleList s, Cand c, int label, int lead, int[] skipped) {
        if (c.frame() - lead < 0) skipped[label]++;
        else s.add(c.frame() - lead, c.slot(), label, c.v());
    }
}
