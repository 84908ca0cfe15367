package org.softglass.study.mesoelastic;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.util.InvalidParameter;

/**
 * The equilibrium configurations of one parent temperature that are quenched to its inherent structures: S frames of
 * the production trajectory, equally spaced over it (frame indices round(k (F − 1)/(S − 1)), k = 0 … S − 1, the first
 * and the last included; the last frame alone for S = 1). Paper 004 quenches "regularly" during the equilibrium run;
 * for independent structures the spacing (production length)/(S − 1) should be at least τ_α.
 */
final class ParentFrames {
    private ParentFrames() {}

    /**
     * The frame indices of {@code structures} parents among {@code frames} production frames, increasing.
     *
     * @throws InvalidParameter naming {@code {structures}} when there are more structures than frames
     */
    static int[] indices(int frames, int structures) {
        if (structures > frames) {
            throw new InvalidParameter("{structures} " + structures + " exceeds the " + frames + " production frames; lower it or dump more often");
        }
        int[] k = new int[structures];
        if (structures == 1) {
            k[0] = frames - 1;
            return k;
        }
        for (int s = 0; s < structures; s++) k[s] = (int) Math.round(s * (frames - 1.0) / (structures - 1));
        return k;
    }

    /**
     * Copies frames {@code indices} (increasing) of {@code trajectory} to {@code out} (LAMMPS dump, unwrapped
     * {@code id type xu yu zu}, full precision, atomically).
     *
     * @throws IllegalArgumentException naming the file when it has fewer frames than the last index needs
     */
    static void write(Path trajectory, int[] indices, Path out) throws IOException {
        LammpsDumpWriter.write(out, LammpsDumpWriter.UNWRAPPED, w -> {
            int next = 0, k = 0;
            try (TrajectoryReader r = TrajectoryReader.open(trajectory)) {
                for (Frame nextFrame; next < indices.length && (nextFrame = r.next()) != null; k++) {
                    try (Frame f = nextFrame) {
                        if (k == indices[next]) {
                            w.write(f);
                            next++;
                        }
                    }
                }
            }
            if (next < indices.length) {
                throw new IllegalArgumentException(trajectory + ": " + k + " frame(s), expected frame " + indices[next] + " for an inherent structure");
            }
        });
    }
}
