package org.softglass.core.rearrange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.Frame;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;

/**
 * Writes a labelled training set (file contract §4) in one streaming pass over the trajectory:
 * <ul>
 *   <li>{@code samples.csv}: {@code frame,timestep,id,type,label,phop}, one row per sample in
 *       (frame, id, label) order; frame = structure frame index, label 1 = rearranging (high tail),
 *       0 = stable (low tail), phop = the value that certified the label (σ²; see {@link Labels}).</li>
 *   <li>{@code samples_features.npy}: float64 (R, M), row r = features of sample r, computed by a
 *       {@link FeatureSource} on the structure frame.</li>
 *   <li>{@code features.json}: {@code {"schema":"softglass.features/1", "preset", "rmax", "columns",
 *       "mean":[M], "std":[M], "rows":R, "dtype":"f8", "center_species", "input"}}; mean and std are the
 *       per-column mean and population standard deviation (divisor R) over the R rows, accumulated with
 *       Welford's update in row order.</li>
 * </ul>
 * Frames after the last structure frame are not read. All three files are written atomically and
 * appear only if the whole pass succeeds.
 */
public final class TrainsetWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainsetWriter() {}

    /** What was written. */
    public record Result(int rows, int columns, double[] mean, double[] std) {}

    /**
     * @param trajectory the trajectory the samples refer to (same particles as {@code ids})
     * @param dt MD timestep (τ) (for the frame checks only)
     * @param ids ids of the slots the samples refer to (ascending), to check the trajectory against
     * @param timesteps the timesteps of the p_hop frames, to check the trajectory against (p_hop read from
     *     an earlier run), or null when p_hop was just computed from this trajectory
     * @param samples sorted by (frame, slot, label) ({@link SampleList#sorted()}); not modified
     * @param features the feature source (not closed here)
     * @param centerSpecies "A", "B", "all" or a type, for {@code features.json}
     * @param dir output directory (must exist)
     * @param progress called with the number of frames read
     * @throws org.softglass.core.io.InputFormatException if the trajectory is bad, holds other particles,
     *     or ends before the last structure frame
     */
    public static Result write(Path trajectory, double dt, long[] ids, long[] timesteps, SampleList samples, FeatureSource features,
                               String centerSpecies, Path dir, IntConsumer progress) throws IOException {
        int m = features.columns(), rows = samples.size();
        for (int k = 1; k < rows; k++) {
            if (samples.frame(k) < samples.frame(k - 1)) throw new IllegalArgumentException("samples must be sorted by frame");
        }
        int lastFrame = rows == 0 ? -1 : samples.frame(rows - 1);
        double[] mean = new double[m], m2 = new double[m];
        AtomicOutput csv = AtomicOutput.open(dir.resolve("samples.csv"));
        NpyWriter npy = null;
        boolean ok = false;
        try (TrajectoryStream ts = TrajectoryStream.open(trajectory, dt, false).requireUnwrapped(false)) {
            npy = NpyWriter.open(dir.resolve("samples_features.npy"), NpyDType.FLOAT64, rows, m);
            PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(csv.stream(), StandardCharsets.UTF_8), 1 << 16));
            w.println("frame,timestep,id,type,label,phop");
            int k = 0, written = 0;
            double[] row = new double[m];
            while (k < rows) {
                Frame next = ts.next();
                if (next == null) {
                    throw ts.error("ends after " + ts.framesRead() + " frames, but a sample needs frame " + lastFrame);
                }
                int fi = ts.frameIndex();
                try (Frame f = next) {
                    if (fi == 0 && !Arrays.equals(ts.ids(), ids)) {
                        throw ts.error(0, f.timestep(), "holds other particles than the p_hop data (" + ts.ids().length + " vs " + ids.length
                                + " ids), expected the same trajectory");
                    }
                    if (timesteps != null && (fi >= timesteps.length || timesteps[fi] != f.timestep())) {
                        throw ts.error(fi, f.timestep(), "does not match the p_hop data (" + (fi >= timesteps.length
                                ? "which has only " + timesteps.length + " frames" : "timestep " + timesteps[fi] + " there")
                                + "), expected the trajectory p_hop was computed from");
                    }
                    int k1 = k;
                    while (k1 < rows && samples.frame(k1) == fi) k1++;
                    if (k1 > k) {
                        int[] slots = new int[k1 - k];
                        for (int r = 0; r < slots.length; r++) slots[r] = samples.slot(k + r);
                        double[] out = new double[slots.length * m];
                        features.compute(f, slots, out);
                        for (int r = 0; r < slots.length; r++) {
                            int s = k + r, slot = slots[r];
                            System.arraycopy(out, r * m, row, 0, m);
                            npy.writeRow(row);
                            written++;
                            for (int c = 0; c < m; c++) { // Welford
                                double d = row[c] - mean[c];
                                mean[c] += d / written;
                                m2[c] += d * (row[c] - mean[c]);
                            }
                            w.println(fi + "," + f.timestep() + "," + ts.ids()[slot] + "," + ts.types()[slot] + ","
                                    + samples.label(s) + "," + samples.phop(s));
                        }
                        k = k1;
                    }
                }
                progress.accept(fi + 1);
            }
            w.flush();
            if (w.checkError()) throw new IOException("error writing " + dir.resolve("samples.csv"));
            double[] std = new double[m];
            for (int c = 0; c < m; c++) std[c] = rows == 0 ? Double.NaN : Math.sqrt(m2[c] / rows);
            if (rows == 0) Arrays.fill(mean, Double.NaN);
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("schema", "softglass.features/1");
            j.put("preset", features.preset());
            j.put("rmax", features.rmax());
            j.put("columns", features.columnDescriptions());
            j.put("mean", mean);
            j.put("std", std);
            j.put("rows", rows);
            j.put("dtype", "f8");
            j.put("center_species", centerSpecies);
            j.put("input", trajectory.toString());
            npy.close();
            csv.commit();
            AtomicOutput.write(dir.resolve("features.json"), out -> out.write(JSON.writeValueAsBytes(j)));
            ok = true;
            return new Result(rows, m, mean, std);
        } finally {
            if (!ok) {
                csv.abort();
                if (npy != null) npy.abort();
            }
        }
    }
}
