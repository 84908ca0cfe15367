package org.softglass.cli.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.TrajectoryReader;

/**
 * What {@link StudyPlan} reads of a user's trajectory, in one pass: particle count (constant), frames, timestep
 * spacing (uniform), first box volume (σ³) and smallest side (σ); with {@code unwrapped}, every frame must carry image
 * counts (p_hop and F_s follow particles across the boundaries). Each problem is an {@link InputFormatException} naming the configuration file
 * {@code src} and the entry {@code what}.
 */
record TrajectoryScan(int n, long frames, long spacing, double volume, double minSide) {
    static TrajectoryScan of(String src, String what, Path f, boolean unwrapped) throws IOException {
        int n = -1;
        long frames = 0, first = 0, prev = 0, spacing = 0;
        double volume = 0, minSide = 0;
        try (TrajectoryReader r = TrajectoryReader.open(f)) {
            for (Frame fr; (fr = r.next()) != null; frames++) {
                try (Frame g = fr) {
                    if (frames == 0) {
                        n = g.size();
                        first = g.timestep();
                        volume = g.box().length(0) * g.box().length(1) * g.box().length(2);
                        minSide = Math.min(g.box().length(0), Math.min(g.box().length(1), g.box().length(2)));
                    } else {
                        if (g.size() != n) {
                            throw new InputFormatException(src, -1, what + ": frame " + frames + " has " + g.size()
                                    + " particles, expected " + n + " as in frame 0");
                        }
                        long d = g.timestep() - prev;
                        if (frames == 1) spacing = d;
                        if (d <= 0 || d != spacing) {
                            throw new InputFormatException(src, -1, what + ": frame " + frames + " is at timestep " + g.timestep()
                                    + " after " + prev + ", expected equally spaced, increasing timesteps ("
                                    + (frames > 1 ? spacing + " apart as frames 0 and 1" : "after frame 0") + ")");
                        }
                    }
                    if (unwrapped && !g.imagesKnown()) {
                        throw new InputFormatException(src, -1, what + ": frame " + frames + " has wrapped positions without image counts, "
                                + "expected unwrapped positions (dump columns ix iy iz or xu yu zu; GSD particles/image in every frame)");
                    }
                    prev = g.timestep();
                }
            }
        }
        if (frames < 3) throw new InputFormatException(src, -1, what + ": " + frames + " frame(s), expected at least 3");
        return new TrajectoryScan(n, frames, spacing, volume, minSide);
    }
}
