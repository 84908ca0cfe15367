package org.softglass.cli;

import java.util.TreeSet;
import org.softglass.study.FrameRange;
import org.softglass.study.FrameSet;

/**
 * The parser of {@code --frames}: the text a user types into the study layer's frame selections. {@link #parse}
 * gives a {@link FrameSet} (all, a half-open range A:B, or a list i,j,k: {@code export}); {@link #parseRange} a
 * {@link FrameRange} (all or A:B: the frame blocks of {@code quench}, {@code descriptors}, {@code softness}).
 * A range is kept as its two ends, so a huge range allocates nothing.
 */
public final class FrameSelection {
    private FrameSelection() {}

    /**
     * {@code all}, {@code A:B} (frames A to B-1, 0 <= A < B) or a list {@code i,j,k} of indices >= 0, recorded in
     * manifests as the user wrote it.
     *
     * @throws IllegalArgumentException naming {@code --frames} and what was expected
     */
    public static FrameSet parse(String spec) {
        String s = spec.strip();
        if (s.equalsIgnoreCase("all")) return new FrameSet(0, Integer.MAX_VALUE, null, spec);
        try {
            if (s.contains(":")) {
                String[] ab = s.split(":", -1);
                if (ab.length != 2) throw new NumberFormatException();
                int a = Integer.parseInt(ab[0].strip()), b = Integer.parseInt(ab[1].strip());
                if (a < 0 || b <= a) throw new IllegalArgumentException("--frames " + spec + ": expected A:B with 0 <= A < B");
                return new FrameSet(a, b, null, spec);
            }
            TreeSet<Integer> set = new TreeSet<>();
            for (String t : s.split(",")) {
                int k = Integer.parseInt(t.strip());
                if (k < 0) throw new IllegalArgumentException("--frames " + spec + ": frame indices are >= 0");
                set.add(k);
            }
            return new FrameSet(set.first(), set.last() + 1, set, spec);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--frames " + spec + ": expected all, A:B or a list of frame indices like 0,10,20");
        }
    }

    /**
     * {@code --frames} of a command that takes a block of frames (a shard): all or a range A:B, not a list.
     *
     * @throws IllegalArgumentException naming {@code --frames} and what was expected
     */
    public static FrameRange parseRange(String spec) {
        FrameSet range;
        try {
            range = parse(spec);
        } catch (IllegalArgumentException e) {
            range = null;
        }
        if (range == null || range.list() != null) throw new IllegalArgumentException("--frames " + spec + ": expected all or a range A:B with 0 <= A < B");
        return new FrameRange(range.from(), range.to());
    }
}
