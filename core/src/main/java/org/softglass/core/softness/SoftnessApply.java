package org.softglass.core.softness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.structure.FeatureFiles;

/**
 * Applies a {@link SoftnessModel} to a descriptor directory (file contract §1): streams
 * {@code features.npy} row by row and writes {@code out/softness.npy} (float64, shape (R,), aligned
 * with rows.npy), a copy {@code out/rows.npy} and {@code out/softness.json}
 * ({@code {"schema": "softglass.softness/1", "rows": R, "features": DIR, "trajectory": {"file", "sha256"}}}:
 * the trajectory of the descriptors, carried over from their features.json, which {@code barriers} and
 * {@code correlations} compare with their p_hop and trajectory; see {@link SoftnessTable#trajectory}).
 * The column names of {@code features.json} must equal the model's, and it must record its trajectory.
 * Output files are written atomically (complete or absent).
 */
public final class SoftnessApply {
    private SoftnessApply() {}

    /**
     * Summary of an application: rows, ⟨S⟩ and σ_S over all rows. σ_S is the spread of exactly these
     * values, divisor n ({@link Descriptive#populationStdFromSums}), as it has always been written
     * (kept: no paper of the project fixes the divisor; n − 1 would differ by the factor √(n/(n − 1))).
     */
    public record Summary(long rows, double mean, double std) {}

    /**
     * Computes S for every row of {@code featuresDir}.
     *
     * @return the row count and the mean and standard deviation of S
     * @throws InputFormatException when the feature spec does not match the model or the files disagree
     */
    public static Summary apply(SoftnessModel model, Path featuresDir, Path outDir) throws IOException {
        model.requireColumns(FeatureFiles.names(FeatureFiles.readColumns(featuresDir.resolve("features.json"))),
                featuresDir.resolve("features.json").toString());
        TrajectoryRef trajectory = FeatureFiles.trajectory(featuresDir.resolve("features.json"));
        Path feat = featuresDir.resolve("features.npy"), rows = featuresDir.resolve("rows.npy");
        long nRows = FeatureFiles.readRows(rows).length;
        Files.createDirectories(outDir);
        int m = model.size();
        double sum = 0, sum2 = 0;
        try (NpyReader r = NpyReader.open(feat)) {
            long[] shape = r.shape();
            if (shape.length != 2 || shape[1] != m) throw new InputFormatException(feat.toString(), -1, "shape " + java.util.Arrays.toString(shape) + ", expected (R, " + m + ")");
            if (shape[0] != nRows) throw new InputFormatException(feat.toString(), -1, "has " + shape[0] + " rows, rows.npy has " + nRows);
            FeatureFiles.requireTable(featuresDir.resolve("features.json"), feat, shape[0], r.dtype());
            double[] g = new double[m], z = new double[m], chunk = new double[4096];
            try (NpyWriter w = NpyWriter.open(outDir.resolve("softness.npy"), NpyDType.FLOAT64, shape[0])) {
                int k = 0;
                for (long i = 0; i < shape[0]; i++) {
                    r.readRow(g);
                    double s = model.softness(g, z);
                    if (!Double.isFinite(s)) throw new InputFormatException(feat.toString(), -1, "row " + i + " has a non-finite feature");
                    sum += s; sum2 += s * s;
                    chunk[k++] = s;
                    if (k == chunk.length) { w.write(chunk, 0, k); k = 0; }
                }
                if (k > 0) w.write(chunk, 0, k);
            }
        }
        AtomicOutput.write(outDir.resolve("rows.npy"), out -> Files.copy(rows, out));
        new SoftnessTable.Sidecar(SoftnessTable.SCHEMA, nRows, featuresDir.toString(), trajectory.stored()).write(outDir);
        double mean = nRows == 0 ? Double.NaN : sum / nRows;
        return new Summary(nRows, mean, Descriptive.populationStdFromSums(nRows, sum, sum2));   // σ_S with divisor n
    }

    /**
     * The decision values w·z without bias ({@link SoftnessModel#projection}) of every row of a
     * descriptor directory (checked against the model's columns), in rows.npy order.
     */
    public static double[] projections(SoftnessModel model, Path featuresDir) throws IOException {
        model.requireColumns(FeatureFiles.names(FeatureFiles.readColumns(featuresDir.resolve("features.json"))),
                featuresDir.resolve("features.json").toString());
        Path feat = featuresDir.resolve("features.npy");
        int m = model.size();
        try (NpyReader r = NpyReader.open(feat)) {
            long[] shape = r.shape();
            if (shape.length != 2 || shape[1] != m) throw new InputFormatException(feat.toString(), -1, "shape " + java.util.Arrays.toString(shape) + ", expected (R, " + m + ")");
            if (shape[0] > Integer.MAX_VALUE - 8) throw new InputFormatException(feat.toString(), -1, "too many rows to hold in memory");
            FeatureFiles.requireTable(featuresDir.resolve("features.json"), feat, shape[0], r.dtype());
            double[] d = new double[(int) shape[0]], g = new double[m], z = new double[m];
            for (int i = 0; i < d.length; i++) { r.readRow(g); d[i] = model.projection(g, z); }
            return d;
        }
    }
}
