package org.softglass.study;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.softglass.core.util.InvalidParameter;

/**
 * Which frames of a trajectory a study takes, counted from 0 in file order: every frame ({@link #ALL}), a half-open
 * range [from, to) kept as its two ends (a huge range allocates nothing), or a list of indices.
 *
 * @param from  the first frame (0 for all; the smallest listed index for a list)
 * @param to    the end, exclusive ({@link Integer#MAX_VALUE} for all; the largest listed index + 1 for a list)
 * @param list  the listed frames, ascending, or null for a range
 * @param label how the selection is recorded in manifests ({@code all}, {@code 0:10}, {@code 0,5,9}: as the user wrote it)
 */
public record FrameSet(int from, int to, SortedSet<Integer> list, String label) {
    /** Every frame. */
    public static final FrameSet ALL = new FrameSet(0, Integer.MAX_VALUE, null, "all");

    public FrameSet {
        if (from < 0 || to <= from) throw new InvalidParameter("{frames} " + label + ": expected A:B with 0 <= A < B");
        if (list != null) {
            if (list.isEmpty() || list.first() != from || list.last() != to - 1) {
                throw new IllegalArgumentException("frame list " + list + " does not span [" + from + ", " + to + ")");
            }
            list = Collections.unmodifiableSortedSet(new TreeSet<>(list));
        }
    }

    /** The range [from, to). */
    public static FrameSet range(int from, int to) { return new FrameSet(from, to, null, from + ":" + to); }

    /** Whether this is every frame. */
    public boolean isAll() { return list == null && from == 0 && to == Integer.MAX_VALUE; }

    /** Whether frame {@code k} is selected. */
    public boolean contains(int k) { return list != null ? list.contains(k) : k >= from && k < to; }

    /** Whether every selected frame lies before {@code k} (reading can stop). */
    public boolean past(int k) { return k > last(); }

    /** The last selected frame. */
    public int last() { return to - 1; }
}
