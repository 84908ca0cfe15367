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

    /**
     * {@code softness.json}: {@code {"schema": "softglass.softness/1", "rows": R, "features": DIR, "trajectory": {"file",
     * "sha256"}}}, as written and read ({@link org.softglass.core.io.JsonFile#readStrict}); fields it does not know are
     * ignored, a component is null when the file lacks the field.
     *
     * @param schema {@value #SCHEMA}
     * @param rows R, the rows of softness.npy
     * @param features the descriptor directory the values were computed from
     * @param trajectory the trajectory of those descriptors
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"schema", "rows", "features", "trajectory"})
    public record Sidecar(@com.fasterxml.jackson.annotation.JsonProperty("schema") String schema,
                          @com.fasterxml.jackson.annotation.JsonProperty("rows") Long rows,
                          @com.fasterxml.jackson.annotation.JsonProperty("features") String features,
                          @com.fasterxml.jackson.annotation.JsonProperty("trajectory") TrajectoryRef.Stored trajectory) {
        /** Reads {@code dir/softness.json} (any schema: the caller checks it). */
        public static Sidecar read(Path dir) throws IOException {
            return org.softglass.core.io.JsonFile.readStrict(dir.resolve(SIDECAR), null, Sidecar.class);
        }

        /** Writes {@code dir/softness.json} atomically. */
        public void write(Path dir) throws IOException {
            org.softglass.core.io.JsonFile.write(dir.resolve(SIDECAR), this);
        }
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
