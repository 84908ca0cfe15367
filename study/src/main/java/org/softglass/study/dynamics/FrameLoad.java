package org.softglass.study.dynamics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.softglass.core.dynamics.Trajectory;
import org.softglass.core.io.Frame;
import org.softglass.core.rearrange.TrajectoryStream;
import org.softglass.core.space.Box;

/**
 * Reads every frame of a checked trajectory stream into memory as unwrapped positions ({@link TrajectoryStream}: the
 * same ids and types in every frame, increasing timesteps), for the analyses that follow each particle over all lags.
 * Memory: frames × 3N doubles.
 *
 * @param box      the first frame's box
 * @param species  the species index (type − 1) of each particle, in the order of every frame
 * @param frames   unwrapped positions per frame, [frame][3i + axis]
 * @param steps    the timestep of each frame
 */
public record FrameLoad(Box box, int[] species, List<double[]> frames, long[] steps) {

    /** Reads {@code ts} to its end; refuses fewer than {@code minFrames} frames with {@code why} ("for a lag"). */
    public static FrameLoad read(TrajectoryStream ts, int minFrames, String why) throws IOException {
        List<double[]> frames = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        Box box = null;
        int[] sp = null;
        for (Frame next; (next = ts.next()) != null; ) {
            try (Frame f = next) {
                if (box == null) {
                    box = f.box();
                    sp = new int[f.size()];
                    for (int i = 0; i < f.size(); i++) sp[i] = f.particles().species(i);
                }
                double[] x = new double[3 * f.size()];
                TrajectoryStream.unwrapped(f, x);
                frames.add(x);
                steps.add(f.timestep());
            }
        }
        if (frames.size() < minFrames) throw ts.error("found " + frames.size() + " frame(s), expected at least " + minFrames + why);
        return new FrameLoad(box, sp, frames, steps.stream().mapToLong(Long::longValue).toArray());
    }

    /** The frames as a {@link Trajectory} with frames {@code spacing} τ apart. */
    public Trajectory trajectory(double spacing) { return new Trajectory(box, species, spacing, frames.toArray(new double[0][])); }
}
