package org.softglass.core.structure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.io.TrajectoryRef;

/**
 * Writes a descriptor directory (the file contract of {@code softglass descriptors}) row block by
 * row block, so a trajectory never has to be held in memory:
 * <ul>
 * <li>{@code features.npy}: (R, M), float32 or float64, rows frame-major then id ascending;</li>
 * <li>{@code rows.npy}: int64 (R, 3): (frame index, timestep, id) of each row;</li>
 * <li>{@code features.json}: {@code {"schema": "softglass.features/1", "preset", "rmax", "tolerance",
 *   "columns": [{"name", "kind": "radial", "species", "mu", "w"} | {"name", "kind": "angular", "species",
 *   "xi", "lambda", "zeta"}], "mean": [M], "std": [M], "rows": R, "dtype": "f4"|"f8", "center_species",
 *   "input", "trajectory": {"file", "sha256"}}} ({@link TrajectoryRef}: the trajectory the rows were computed
 *   from, which a consumer pairing them with p_hop or a trajectory compares); mean/std are the per-feature statistics ({@link FeatureStats}, population std) of the
 *   values as written (after rounding to float32 for f4).</li>
 * </ul>
 * R must be known when opening (the .npy header holds the shape). Each file is written atomically;
 * on {@link #abort()} or a shortfall of rows nothing appears.
 */
public final class FeatureFiles implements AutoCloseable {
    /** Schema tag of features.json. */
    public static final String SCHEMA = "softglass.features/1";

    private final Path dir;
    private final DescriptorSpec spec;
    private final NpyDType dtype;
    private final long rows;
    private final String centerSpecies;
    private final TrajectoryRef trajectory;
    private final NpyWriter features, rowIndex;
    private final FeatureStats stats;
    private final int m;
    private float[] floats = new float[0];
    private boolean finished;

    private FeatureFiles(Path dir, DescriptorSpec spec, NpyDType dtype, long rows, String centerSpecies, TrajectoryRef trajectory,
            NpyWriter features, NpyWriter rowIndex) {
        this.dir = dir; this.spec = spec; this.dtype = dtype; this.rows = rows;
        this.centerSpecies = centerSpecies; this.trajectory = trajectory;
        this.features = features; this.rowIndex = rowIndex;
        this.m = spec.columnCount();
        this.stats = new FeatureStats(m);
    }

    /**
     * Opens the two arrays in {@code dir} (created if missing).
     *
     * @param dtype {@link NpyDType#FLOAT32} or {@link NpyDType#FLOAT64}
     * @param rows the total number of rows R that will be written
     * @param centerSpecies "A", "B", … or "all"
     * @param trajectory the trajectory the rows are computed from, as recorded in features.json
     */
    public static FeatureFiles open(Path dir, DescriptorSpec spec, NpyDType dtype, long rows, String centerSpecies, TrajectoryRef trajectory)
            throws IOException {
        if (dtype != NpyDType.FLOAT32 && dtype != NpyDType.FLOAT64) throw new IllegalArgumentException("dtype must be f4 or f8, got " + dtype);
        Files.createDirectories(dir);
        NpyWriter f = NpyWriter.open(dir.resolve("features.npy"), dtype, rows, spec.columnCount());
        NpyWriter r;
        try {
            r = NpyWriter.open(dir.resolve("rows.npy"), NpyDType.INT64, rows, 3);
        } catch (IOException | RuntimeException e) {
            f.abort();
            throw e;
        }
        return new FeatureFiles(dir, spec, dtype, rows, centerSpecies, trajectory, f, r);
    }

    /**
     * Appends {@code count} rows: features {@code data[0 .. count·M)} (row-major) of the particles with
     * the given ids (ascending) of one frame. A frame may be written in several consecutive calls (blocks
     * of its rows). Modifies nothing passed in.
     */
    public void writeFrame(int frameIndex, long timestep, long[] ids, double[] data, int count) throws IOException {
        try {
            int len = count * m;
            if (dtype == NpyDType.FLOAT32) {
                if (floats.length < len) floats = new float[len];
                for (int k = 0; k < len; k++) floats[k] = (float) data[k];
                features.write(floats, 0, len);
                stats.addRows(floats, 0, count);
            } else {
                features.write(data, 0, len);
                stats.addRows(data, 0, count);
            }
            long[] idx = new long[3 * count];
            for (int r = 0; r < count; r++) { idx[3 * r] = frameIndex; idx[3 * r + 1] = timestep; idx[3 * r + 2] = ids[r]; }
            rowIndex.write(idx, 0, idx.length);
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** The statistics of the rows written so far. */
    public FeatureStats stats() { return stats; }

    /** Commits both arrays and writes features.json; fails (and leaves no arrays) if fewer than R rows were written. */
    public void finish() throws IOException {
        if (stats.count() != rows) {
            abort();
            throw new IllegalStateException("wrote " + stats.count() + " descriptor rows, expected " + rows);
        }
        features.close();
        rowIndex.close();
        writeSidecar(dir.resolve("features.json"), spec, stats.mean(), stats.std(), rows,
                dtype == NpyDType.FLOAT32 ? "f4" : "f8", centerSpecies, trajectory);
        finished = true;
    }

    /** Discards everything written (no file appears). */
    public void abort() {
        features.abort();
        rowIndex.abort();
        finished = true;
    }

    /** Aborts unless {@link #finish()} succeeded. */
    @Override
    public void close() {
        if (!finished) abort();
    }

    /**
     * Writes a features.json sidecar (schema {@value #SCHEMA}, described in the class comment) atomically
     * for the columns of a descriptor spec. NaN statistics are written as null.
     */
    public static void writeSidecar(Path file, DescriptorSpec spec, double[] mean, double[] std, long rows, String dtype,
            String centerSpecies, TrajectoryRef trajectory) throws IOException {
        writeSidecar(file, spec.name(), spec.rmax(), spec.tolerance(), columnMaps(spec), mean, std, rows, dtype, centerSpecies, trajectory);
    }

    /**
     * The same for any feature table (e.g. a training set's): {@code columns} are JSON-serialisable
     * column descriptions with at least "name" and "kind"; a null {@code preset} is written as null and a
     * null {@code tolerance} is left out.
     */
    public static void writeSidecar(Path file, String preset, double rmax, Double tolerance, List<Map<String, Object>> columns,
            double[] mean, double[] std, long rows, String dtype, String centerSpecies, TrajectoryRef trajectory) throws IOException {
        List<LinkedHashMap<String, Object>> cols = new ArrayList<>();
        for (Map<String, Object> c : columns) cols.add(new LinkedHashMap<>(c));
        new FeatureSidecar(SCHEMA, preset, rmax, tolerance, cols, FeatureSidecar.nullable(mean), FeatureSidecar.nullable(std), rows, dtype,
                centerSpecies, trajectory.file(), trajectory.stored()).write(file);
    }

    /** The columns of a spec as features.json describes them: name, kind, species, then mu, w or xi, lambda, zeta. */
    public static List<Map<String, Object>> columnMaps(DescriptorSpec spec) {
        List<Map<String, Object>> cols = new ArrayList<>();
        for (DescriptorSpec.Column c : spec.columns()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", c.name());
            o.put("kind", c.kind());
            o.put("species", c.species());
            if (c.kind().equals("radial")) {
                o.put("mu", c.mu());
                o.put("w", c.w());
            } else {
                o.put("xi", c.xi());
                o.put("lambda", c.lambda());
                o.put("zeta", c.zeta());
            }
            cols.add(o);
        }
        return cols;
    }

    // --- reading (the file contract of a descriptor directory) ---

    /** The column descriptions of a features.json (each a map with at least "name"). */
    public static List<Map<String, Object>> readColumns(Path json) throws IOException {
        String src = json.toString();
        FeatureSidecar side = JsonFile.readStrict(json, SCHEMA, FeatureSidecar.class);
        List<LinkedHashMap<String, Object>> cols = side.columns();
        if (cols == null || cols.isEmpty()) throw new InputFormatException(src, -1, "field 'columns' missing or empty, expected an array of column objects");
        List<Map<String, Object>> out = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
            Map<String, Object> c = cols.get(j);
            if (c == null || !(c.get("name") instanceof String)) throw new InputFormatException(src, -1, "columns[" + j + "] has no string \"name\"");
            out.add(c);
        }
        return out;
    }

    /**
     * The descriptor set a features.json was computed with, as {@link #writeSidecar} records it: what a trained model keeps
     * (its {@code training.feature_set}) so the softness of a trajectory can recompute the same descriptors.
     *
     * @param preset the descriptor preset, null when none (a training set's own columns)
     * @param rmax the descriptors' cutoff (σ), null when missing
     * @param tolerance the preset's truncation tolerance, null when not recorded
     * @param centerSpecies the species of the centre particles, null when missing
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record FeatureSet(@com.fasterxml.jackson.annotation.JsonProperty("preset") String preset,
                             @com.fasterxml.jackson.annotation.JsonProperty("rmax") Double rmax,
                             @com.fasterxml.jackson.annotation.JsonProperty("tolerance") Double tolerance,
                             @com.fasterxml.jackson.annotation.JsonProperty("center_species") String centerSpecies) {
        /** The record as a model's provenance holds it: preset, rmax, tolerance, center_species, in that order (nulls kept). */
        public Map<String, Object> asMap() {
            return JsonFile.map("preset", preset, "rmax", rmax, "tolerance", tolerance, "center_species", centerSpecies);
        }
    }

    /**
     * The descriptor set of a features.json ({@link FeatureSet}); the schema field is not checked.
     *
     * @throws InputFormatException naming the file: not JSON, or a field of the wrong kind
     */
    public static FeatureSet featureSet(Path featuresJson) throws IOException {
        return JsonFile.read(featuresJson, FeatureSet.class);
    }

    /** What to do with a descriptor directory that records no trajectory. */
    public static final String RECOMPUTE = "recompute the descriptors with 'softglass descriptors'";

    /**
     * The trajectory a descriptor directory (or training set) was computed from, as its features.json
     * records it ({@link TrajectoryRef}).
     *
     * @throws InputFormatException if features.json is missing, not JSON, or holds no trajectory record
     */
    public static TrajectoryRef trajectory(Path featuresJson) throws IOException {
        return TrajectoryRef.read(featuresJson, RECOMPUTE);
    }

    /**
     * Checks a feature table against the header fields of its features.json: "rows" equals the row
     * count of the array and "dtype" ("f4" or "f8") its element type, which must be a float type. A
     * features.json of another table (copied, or left from an earlier run) is refused here.
     *
     * @param json the features.json; @param npy the array file, for messages
     * @param rows the array's row count; @param dtype the array's element type
     * @throws InputFormatException naming the first field that disagrees
     */
    public static void requireTable(Path json, Path npy, long rows, org.softglass.core.io.NpyDType dtype) throws IOException {
        if (dtype != org.softglass.core.io.NpyDType.FLOAT32 && dtype != org.softglass.core.io.NpyDType.FLOAT64) {
            throw new InputFormatException(npy.toString(), -1, "dtype " + dtype.descr() + ", expected float features (<f4 or <f8)");
        }
        FeatureSidecar side = FeatureSidecar.read(json);
        Long r = side.rows();
        if (r == null || r != rows) {
            throw new InputFormatException(json.toString(), -1, "\"rows\" is " + r + ", expected " + rows + " (the rows of " + npy.getFileName() + ")");
        }
        String want = dtype == org.softglass.core.io.NpyDType.FLOAT32 ? "f4" : "f8";
        if (!want.equals(side.dtype())) {
            throw new InputFormatException(json.toString(), -1, "\"dtype\" is " + JsonFile.text(side.dtype()) + ", expected \"" + want
                    + "\" (the element type of " + npy.getFileName() + ")");
        }
    }

    /** The names of the columns. */
    public static List<String> names(List<Map<String, Object>> columns) {
        List<String> n = new ArrayList<>();
        for (Map<String, Object> c : columns) n.add((String) c.get("name"));
        return n;
    }

    /** A whole 2-D float array (R × M, f4 or f8) as rows of doubles; M must equal {@code columns}. */
    public static double[][] readMatrix(Path npy, int columns) throws IOException {
        NpyArray a = NpyReader.read(npy);
        if (a.rank() != 2 || a.columns() != columns) {
            throw new InputFormatException(npy.toString(), -1, "shape " + java.util.Arrays.toString(a.shape()) + ", expected (R, " + columns + ")");
        }
        double[] flat = a.toDoubleArray();
        double[][] x = new double[a.rows()][columns];
        for (int i = 0; i < x.length; i++) System.arraycopy(flat, i * columns, x[i], 0, columns);
        return x;
    }

    /** rows.npy: int64 (R, 3) of (frame index, timestep, id), as {@code long[R][3]}. */
    public static long[][] readRows(Path npy) throws IOException {
        NpyArray a = NpyReader.read(npy);
        if (a.rank() != 2 || a.columns() != 3 || a.dtype() != org.softglass.core.io.NpyDType.INT64) {
            throw new InputFormatException(npy.toString(), -1, a.dtype().descr() + " shape " + java.util.Arrays.toString(a.shape()) + ", expected <i8 (R, 3)");
        }
        long[] f = a.longs();
        long[][] r = new long[a.rows()][3];
        for (int i = 0; i < r.length; i++) { r[i][0] = f[3 * i]; r[i][1] = f[3 * i + 1]; r[i][2] = f[3 * i + 2]; }
        return r;
    }
}
