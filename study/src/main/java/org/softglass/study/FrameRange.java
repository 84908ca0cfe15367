package org.softglass.study;

import org.softglass.core.util.InvalidParameter;

/**
 * A block of frames [from, to) of a trajectory, counted from 0 in file order (a shard of a split run), or every frame
 * ({@link #ALL}: to = {@link Integer#MAX_VALUE}). Kept as its two ends: a huge range allocates nothing.
 *
 * @param from the first frame, ≥ 0
 * @param to   the end, exclusive, &gt; from
 */
public record FrameRange(int from, int to) {
    /** Every frame. */
    public static final FrameRange ALL = new FrameRange(0, Integer.MAX_VALUE);

    public FrameRange {
        if (from < 0 || to <= from) throw new InvalidParameter("{frames} " + from + ":" + to + ": expected A:B with 0 <= A < B");
    }

    /** Whether this is every frame. */
    public boolean isAll() { return from == 0 && to == Integer.MAX_VALUE; }

    /** {@code all}, or {@code A:B} as a manifest records it. */
    @Override
    public String toString() { return isAll() ? "all" : from + ":" + to; }
}
