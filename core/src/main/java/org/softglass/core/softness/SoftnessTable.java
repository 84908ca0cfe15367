package org.softglass.core.softness;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;

/**
 * A softness directory of the file contract (§5): {@code softness.npy} float64 (R,) aligned with
 * {@code rows.npy} int64 (R, 3) of (frame index, timestep, id).
 *
 * @param s softness of each row
 * @param rows (frame, timestep, id) of each row
 */
public record SoftnessTable(double[] s, long[][] rows) {
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
