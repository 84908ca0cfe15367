package org.softglass.core.softness;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.structure.FeatureFiles;

/**
 * A softness directory of the file contract (§5): {@code softness.npy} float64 (R,) aligned with
 * {@code rows.npy} int64 (R, 3) of (frame index, timestep, id), and {@code softness.json} recording the
 * trajectory the rows come from ({@link #trajectory}).
 *
 * @param s softness of each row
 * @param rows (frame, timestep, id) of each row
 */
public record SoftnessTable(double[] s, long[][] rows) {
    /** Schema tag of {@code softness.json}. */
    public static final String SCHEMA = "softglass.softness/1";
    /** The sidecar's file name. */
    public static final String SIDECAR = "softness.json";
    /** What to do with a softness directory that records no trajectory. */
    public static final String RECOMPUTE = "recompute it with 'softglass softness'";

    /**
     * The trajectory a softness directory was computed from (that of its descriptors), as
     * {@code dir/softness.json} records it ({@link TrajectoryRef}).
     *
     * @throws InputFormatException if softness.json is missing, not JSON, or holds no trajectory record
     */
    public static TrajectoryRef trajectory(Path dir) throws IOException {
        return TrajectoryRef.read(dir.resolve(SIDECAR), RECOMPUTE);
    }

    /** Reads {@code dir/softness.npy} and {@code dir/rows.npy} and checks they align. */
    public static SoftnessTable read(Path dir) throws IOException {
        Path sp = dir.resolve("softness.npy");
        NpyArray a = NpyReader.read(sp);
        if (a.rank() != 1) throw new InputFormatException(sp.toString(), -1, "shape " + java.util.Arrays.toString(a.shape()) + ", expected (R,)");
        double[] s = a.toDoubleArray();
        long[][] rows = FeatureFiles.readRows(dir.resolve("rows.npy"));
        if (rows.length != s.length) throw new InputFormatException(sp.toString(), -1, "has " + s.length + " rows, rows.npy has " + rows.length);
        return new SoftnessTable(s, rows);
    }
}
