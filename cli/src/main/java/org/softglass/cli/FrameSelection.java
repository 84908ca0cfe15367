package org.softglass.cli;

import java.util.TreeSet;

/**
 * Which frames of a trajectory a command takes ({@code --frames} of {@code export} and {@code quench}): all, a
 * half-open range [from, to), or a list. A range is kept as its two ends (a
 * huge range allocates nothing).
 *
 * @param from first frame of a range (0 for all)
 * @param to end of a range, exclusive ({@link Integer#MAX_VALUE} for all)
 * @param list the listed frames, or null for a range
 */
public record FrameSelection(int from, int to, TreeSet<Integer> list) {
    public static FrameSelection parse(String spec) {
        String s = spec.strip();
        if (s.equalsIgnoreCase("all")) return new FrameSelection(0, Integer.MAX_VALUE, null);
        try {
            if (s.contains(":")) {
                String[] ab = s.split(":", -1);
                if (ab.length != 2) throw new NumberFormatException();
                int a = Integer.parseInt(ab[0].strip()), b = Integer.parseInt(ab[1].strip());
                if (a < 0 || b <= a) throw new IllegalArgumentException("--frames " + spec + ": expected A:B with 0 <= A < B");
                return new FrameSelection(a, b, null);
            }
            TreeSet<Integer> set = new TreeSet<>();
            for (String t : s.split(",")) {
                int k = Integer.parseInt(t.strip());
                if (k < 0) throw new IllegalArgumentException("--frames " + spec + ": frame indices are >= 0");
                set.add(k);
            }
            return new FrameSelection(set.first(), set.last() + 1, set);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--frames " + spec + ": expected all, A:B or a list of frame indices like 0,10,20");
        }
    }

    /**
     * {@code --frames} of a command that takes a block of frames (a shard): all or a range A:B, not a list.
     *
     * @throws IllegalArgumentException naming {@code --frames} and what was expected
     */
    public static FrameSelection parseRange(String spec) {
        FrameSelection range;
        try {
            range = parse(spec);
        } catch (IllegalArgumentException e) {
            range = null;
        }
        if (range == null || range.list() != null) throw new IllegalArgumentException("--frames " + spec + ": expected all or a range A:B with 0 <= A < B");
        return range;
    }

    /** This range as the study layer's {@link org.softglass.study.FrameRange} (a list has none: its span). */
    public org.softglass.study.FrameRange toRange() { return new org.softglass.study.FrameRange(from, to); }

    /** This selection as the study layer's {@link org.softglass.study.FrameSet}, recorded in manifests as {@code label}. */
    public org.softglass.study.FrameSet toSet(String label) { return new org.softglass.study.FrameSet(from, to, list, label); }

    public boolean isAll() { return list == null && from == 0 && to == Integer.MAX_VALUE; }

    public boolean contains(int k) { return list != null ? list.contains(k) : k >= from && k < to; }

    /** Whether every selected frame lies before {@code k} (reading can stop). */
    public boolean past(int k) { return k > last(); }

    public int last() { return to - 1; }
}
