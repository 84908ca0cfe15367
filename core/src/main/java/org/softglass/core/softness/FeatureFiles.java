package org.softglass.core.softness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.TrajectoryRef;

/**
 * Reading the descriptor and training-set files of the file contract (docs: README, "file contract"):
 * {@code features.json} (schema {@code softglass.features/1}: "columns" with "name" each),
 * {@code features.npy} (R × M, f4/f8), {@code rows.npy} (int64 R × 3: frame, timestep, id) and a
 * training directory {@code samples.csv} ({@code frame,timestep,id,type,label,phop}) with
 * {@code samples_features.npy} (float64, rows aligned with samples.csv). Every problem is an
 * {@link InputFormatException} naming the file (and line for CSV).
 */
public final class FeatureFiles {
    /** The features.json schema tag. */
    public static final String FEATURES_SCHEMA = "softglass.features/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeatureFiles() {}

    /** The column descriptions of a features.json (each a map with at least "name"). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> readColumns(Path json) throws IOException {
        String src = json.toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputFormatException(src, -1, "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.CharConversionException e) { // Jackson's encoding detection: not text in any UTF
            throw new InputFormatException(src, -1, "not valid JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !FEATURES_SCHEMA.equals(root.path("schema").asText(""))) {
            throw new InputFormatException(src, -1, "field 'schema' missing or invalid, expected \"" + FEATURES_SCHEMA + "\"");
        }
        JsonNode cols = root.get("columns");
        if (cols == null || !cols.isArray() || cols.isEmpty()) throw new InputFormatException(src, -1, "field 'columns' missing or empty, expected an array of column objects");
        List<Map<String, Object>> out = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
            JsonNode c = cols.get(j);
            if (!c.isObject() || !c.path("name").isTextual()) throw new InputFormatException(src, -1, "columns[" + j + "] has no string \"name\"");
            out.add(JSON.convertValue(c, LinkedHashMap.class));
        }
        return out;
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
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputFormatException(json.toString(), -1, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode r = root == null ? null : root.get("rows"), d = root == null ? null : root.get("dtype");
        if (r == null || !r.isIntegralNumber() || r.asLong() != rows) {
            throw new InputFormatException(json.toString(), -1, "\"rows\" is " + r + ", expected " + rows + " (the rows of " + npy.getFileName() + ")");
        }
        String want = dtype == org.softglass.core.io.NpyDType.FLOAT32 ? "f4" : "f8";
        if (d == null || !want.equals(d.asText())) {
            throw new InputFormatException(json.toString(), -1, "\"dtype\" is " + d + ", expected \"" + want + "\" (the element type of " + npy.getFileName() + ")");
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
    public static TrainingSet readTrainingSet(Path dir) throws IOException {
        List<Map<String, Object>> cols = readColumns(dir.resolve("features.json"));
        Path csv = dir.resolve("samples.csv");
        List<long[]> meta = new ArrayList<>();
        List<Double> ph = new ArrayList<>();
        List<Integer> lab = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            String expected = "frame,timestep,id,type,label,phop";
            if (header == null || !header.trim().equals(expected)) {
                throw new InputFormatException(csv.toString(), 1, "found header '" + InputFormatException.quote(header) + "', expected '" + expected + "'");
            }
            String line;
            for (long ln = 2; (line = r.readLine()) != null; ln++) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length != 6) throw new InputFormatException(csv.toString(), ln, "found " + f.length + " fields, expected 6");
                try {
                    int label = Integer.parseInt(f[4].trim());
                    if (label != 0 && label != 1) throw new InputFormatException(csv.toString(), ln, "found label " + label + ", expected 0 or 1");
                    meta.add(new long[] {Long.parseLong(f[0].trim()), Long.parseLong(f[2].trim())});
                    lab.add(label);
                    ph.add(f[5].isBlank() ? Double.NaN : Double.parseDouble(f[5].trim()));
                } catch (NumberFormatException e) {
                    throw new InputFormatException(csv.toString(), ln, "found '" + InputFormatException.quote(line) + "', expected integers frame,timestep,id,type,label and a number phop");
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputFormatException(csv.toString(), -1, "not UTF-8 text (a malformed byte sequence), expected a UTF-8 CSV table", e);
        }
        double[][] x = readMatrix(dir.resolve("samples_features.npy"), cols.size());
        if (x.length != lab.size()) {
            throw new InputFormatException(dir.resolve("samples_features.npy").toString(), -1, "has " + x.length + " rows, samples.csv has " + lab.size());
        }
        try (NpyReader r = NpyReader.open(dir.resolve("samples_features.npy"))) {
            requireTable(dir.resolve("features.json"), dir.resolve("samples_features.npy"), x.length, r.dtype());
        }
        int n = lab.size();
        int[] labels = new int[n];
        long[] frame = new long[n], id = new long[n];
        double[] phop = new double[n];
        for (int i = 0; i < n; i++) { labels[i] = lab.get(i); frame[i] = meta.get(i)[0]; id[i] = meta.get(i)[1]; phop[i] = ph.get(i); }
        return new TrainingSet(x, labels, frame, id, phop, cols);
    }
}
