package org.softglass.core.barriers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;

/**
 * A p_hop directory of the file contract (§2) in memory: {@code phop.npy} float64 (F, N), row = frame index,
 * column = particle id ascending (NaN where the window does not fit), and {@code phop.json}
 * ({@link org.softglass.core.rearrange.PhopSummary}: "times", "timesteps", "ids", "types", "dt", read and checked there).
 *
 * @param phop p_hop[frame][column]
 * @param times time of each frame
 * @param timesteps timestep of each frame
 * @param ids particle id of each column, ascending
 * @param source the directory, for messages
 */
public record PhopTable(double[][] phop, double[] times, long[] timesteps, long[] ids, String source) {
    /** The schema tag. */
    public static final String SCHEMA = org.softglass.core.rearrange.PhopFiles.SCHEMA;

    /** Reads {@code dir/phop.npy} and {@code dir/phop.json} and checks they agree. */
    public static PhopTable read(Path dir) throws IOException {
        Path np = dir.resolve("phop.npy");
        org.softglass.core.rearrange.PhopSummary summary = org.softglass.core.rearrange.PhopSummary.read(dir.resolve("phop.json"));
        double[] times = summary.times();
        long[] ts = summary.timesteps(), ids = summary.ids();
        NpyArray a = NpyReader.read(np);
        if (a.dtype() != org.softglass.core.io.NpyDType.FLOAT64) {
            throw new InputFormatException(np.toString(), -1, "dtype " + a.dtype().descr() + ", expected <f8 (float64 p_hop)");
        }
        if (a.rank() != 2 || a.rows() != times.length || a.columns() != ids.length) {
            throw new InputFormatException(np.toString(), -1, "shape " + Arrays.toString(a.shape()) + ", expected (" + times.length + ", " + ids.length + ") from phop.json");
        }
        double[] flat = a.toDoubleArray();
        double[][] p = new double[a.rows()][];
        for (int f = 0; f < p.length; f++) p[f] = Arrays.copyOfRange(flat, f * ids.length, (f + 1) * ids.length);
        return new PhopTable(p, times, ts, ids, dir.toString());
    }

    /** The column of a particle id, or −1. */
    public int column(long id) {
        int k = Arrays.binarySearch(ids, id);
        return k >= 0 ? k : -1;
    }

    /** The uniform frame spacing in time units; refuses non-uniform spacing (relative 1e-6). */
    public double frameSpacing() {
        if (times.length < 2) throw new InputFormatException(source, -1, "fewer than 2 frames; the frame spacing is undefined");
        double d = times[1] - times[0];
        for (int i = 2; i < times.length; i++) {
            if (Math.abs(times[i] - times[i - 1] - d) > 1e-6 * Math.abs(d)) throw new InputFormatException(source, -1, "frames are not evenly spaced in time (frame " + i + ")");
        }
        return d;
    }

    /**
     * p_hop of particle {@code id} at frame {@code frame + lag}, checking that the row belongs to this
     * trajectory: {@code frame} is one of its frames, with timestep {@code timestep}, and {@code id} is one
     * of its particles. NaN when {@code frame + lag} is past either end or the window did not fit there.
     *
     * @throws InputFormatException when the frame, its timestep or the id is not this trajectory's
     */
    public double at(long frame, long timestep, long id, int lag) {
        if (frame < 0 || frame >= timesteps.length) {
            throw new InputFormatException(source, -1, "a softness/descriptor row refers to frame " + frame + " (timestep " + timestep
                    + "), but phop.json has frames 0.." + (timesteps.length - 1) + " (expected rows of the trajectory p_hop was computed from)");
        }
        if (timesteps[(int) frame] != timestep) {
            throw new InputFormatException(source, -1, "frame " + frame + " has timestep " + timesteps[(int) frame] + " in phop.json but " + timestep
                    + " in rows.npy (softness and p_hop come from different trajectories)");
        }
        long f = frame + lag;
        int c = column(id);
        if (c < 0) {
            throw new InputFormatException(source, -1, "a softness/descriptor row refers to particle id " + id + " (frame " + frame
                    + "), which is not a column of phop.json (expected rows of the trajectory p_hop was computed from)");
        }
        if (f < 0 || f >= phop.length) return Double.NaN;
        return phop[(int) f][c];
    }
}
