package org.softglass.study.correlate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.softglass.core.io.Frame;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.rearrange.TrajectoryStream;
import org.softglass.core.space.Box;

/**
 * Positions of all particles of one frame, sorted by id (as stored: wrapped or not; distances are taken in the box).
 *
 * @param ids ascending; {@code x, y, z} in the same order
 */
public record Snapshot(Box box, long[] ids, double[] x, double[] y, double[] z) {
    /** The index of {@code id}, or a negative number when the frame has no such particle. */
    public int slot(long id) { return Arrays.binarySearch(ids, id); }

    /**
     * Reads a trajectory, keeps the snapshots of the {@code needed} frames (0-based) in {@code snaps} and returns every
     * frame's timestep. ΔS follows a particle id across frames, so the file is read through {@link TrajectoryStream}: the
     * same ids, each with its type, in every frame, and increasing timesteps (positions may be wrapped).
     */
    static long[] read(Path traj, double dt, Set<Long> needed, Map<Long, Snapshot> snaps) throws IOException {
        List<Long> ts = new ArrayList<>();
        try (TrajectoryStream r = TrajectoryStream.open(traj, dt, false).requireUnwrapped(false)) {
            long f = 0;
            for (Frame next; (next = r.next()) != null; f++) {
                try (Frame fr = next) {
                    ts.add(fr.timestep());
                    if (!needed.contains(f)) continue;
                    ParticleStore p = fr.particles();
                    int[] order = p.slotsSortedById();
                    int m = order.length;
                    long[] ids = new long[m];
                    double[] x = new double[m], y = new double[m], z = new double[m];
                    for (int i = 0; i < m; i++) { int q = order[i]; ids[i] = p.id(q); x[i] = p.pos(q, 0); y[i] = p.pos(q, 1); z[i] = p.pos(q, 2); }
                    snaps.put(f, new Snapshot(fr.box(), ids, x, y, z));
                }
            }
        }
        return ts.stream().mapToLong(Long::longValue).toArray();
    }
}
