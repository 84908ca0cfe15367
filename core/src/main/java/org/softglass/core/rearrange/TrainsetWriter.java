package org.softglass.core.rearrange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.structure.FeatureFiles;
import org.softglass.core.structure.FeatureStats;

/**
 * Writes a labelled training set (file contract §4) in one streaming pass over the trajectory:
 * <ul>
 *   <li>{@code samples.csv}: {@code frame,timestep,id,type,label,phop}, one row per sample in
 *       (frame, id, label) order; frame = structure frame index, label 1 = rearranging (high tail),
 *       0 = stable (low tail), phop = the value that certified the label (σ²; see {@link Labels}).</li>
 *   <li>{@code samples_features.npy}: float64 (R, M), row r = features of sample r, computed by a
 *       {@link FeatureSource} on the structure frame.</li>
 *   <li>{@code features.json}: {@code {"schema":"softglass.features/1", "preset", "rmax", ["tolerance",] "columns",
 *       "mean":[M], "std":[M], "rows":R, "dtype":"f8", "center_species", "input", "trajectory"}}, written by
 *       {@link FeatureFiles#writeSidecar} as for a descriptors directory; mean and std are the per-column mean
 *       and population standard deviation (divisor R) over the R rows ({@link FeatureStats}, in row order).</li>
 * </ul>
 * Frames after the last structure frame are not read. All three files are written atomically and
 * appear only if the whole pass succeeds.
 */
public final class TrainsetWriter {

    private TrainsetWriter() {}

    /** What was written. */
    public record Result(int rows, int columns, double[] mean, double[] std) {}

    /**
     * @param trajectory the trajectory the samples refer to (same particles as {@code ids})
     * @param ref its identity ({@link TrajectoryRef#of}), recorded in features.json
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
    public static Result write(Path trajectory, TrajectoryRef ref, double dt, long[] ids, long[] timesteps, SampleList samples, FeatureSource features,
                               String centerSpecies, Path dir, IntConsumer progress) throws IOException {
        int m = features.columns(), rows = samples.size();
        for (int k = 1; k < rows; k++) {
            if (samples.frame(k) < samples.frame(k - 1)) throw new IllegalArgumentException("samples must be sorted by frame");
        }
        int lastFrame = rows == 0 ? -1 : samples.frame(rows - 1);
        FeatureStats stats = new FeatureStats(m);
        AtomicOutput csv = AtomicOutput.open(dir.resolve("samples.csv"));
        NpyWriter npy = null;
        boolean ok = false;
        try (TrajectoryStream ts = TrajectoryStream.open(trajectory, dt, false).requireUnwrapped(false)) {
            npy = NpyWriter.open(dir.resolve("samples_features.npy"), NpyDType.FLOAT64, rows, m);
            PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(csv.stream(), StandardCharsets.UTF_8), 1 << 16));
            w.println("frame,timestep,id,type,label,phop");
            int k = 0;
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
                            npy.write(out, r * m, m);
                            stats.add(out, r * m);
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
            double[] mean = stats.mean(), std = stats.std();
            npy.close();
            csv.commit();
            FeatureFiles.writeSidecar(dir.resolve("features.json"), features.preset(), features.rmax(), features.tolerance(),
                    features.columnDescriptions(), mean, std, rows, "f8", centerSpecies, ref);
            ok = true;
            return new Result(rows, m, mean, std);
        } finally {
            if (!ok) {
                csv.abort();
                if (npy != null) npy.abort();
            }
        }
    }

    // --- reading (the file contract of a training directory, written above) ---

    /**
     * A training set: raw feature rows, labels and the sample table.
     *
     * @param x features (n × M)
     * @param labels 0/1
     * @param frame frame index of each sample
     * @param id particle id of each sample
     * @param phop p_hop of each sample
     * @param columns feature columns of features.json
     */
    public record TrainingSet(double[][] x, int[] labels, long[] frame, long[] id, double[] phop, List<Map<String, Object>> columns) {}

    /** Reads {@code dir/samples.csv}, {@code dir/samples_features.npy} and {@code dir/features.json}. */
    public static TrainingSet read(Path dir) throws IOException {
        List<Map<String, Object>> cols = FeatureFiles.readColumns(dir.resolve("features.json"));
        Path csv = dir.resolve("samples.csv");
        List<long[]> meta = new ArrayList<>();
        List<Double> ph = new ArrayList<>();
        List<Integer> lab = new ArrayList<>();
        String src = csv.toString();
        CsvRows.read(csv, "frame,timestep,id,type,label,phop", (f, ln, text) -> {
            int label = Integer.parseInt(f[4].trim());
            if (label != 0 && label != 1) throw new InputFormatException(src, ln, "found label " + label + ", expected 0 or 1");
            meta.add(new long[] {Long.parseLong(f[0].trim()), Long.parseLong(f[2].trim())});
            lab.add(label);
            ph.add(f[5].isBlank() ? Double.NaN : Double.parseDouble(f[5].trim()));
        });
        double[][] x = FeatureFiles.readMatrix(dir.resolve("samples_features.npy"), cols.size());
        if (x.length != lab.size()) {
            throw new InputFormatException(dir.resolve("samples_features.npy").toString(), -1, "has " + x.length + " rows, samples.csv has " + lab.size());
        }
        try (NpyReader r = NpyReader.open(dir.resolve("samples_features.npy"))) {
            FeatureFiles.requireTable(dir.resolve("features.json"), dir.resolve("samples_features.npy"), x.length, r.dtype());
        }
        int n = lab.size();
        int[] labels = new int[n];
        long[] frame = new long[n], id = new long[n];
        double[] phop = new double[n];
        for (int i = 0; i < n; i++) { labels[i] = lab.get(i); frame[i] = meta.get(i)[0]; id[i] = meta.get(i)[1]; phop[i] = ph.get(i); }
        return new TrainingSet(x, labels, frame, id, phop, cols);
    }
}
