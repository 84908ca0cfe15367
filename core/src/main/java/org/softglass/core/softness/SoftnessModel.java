package org.softglass.core.softness;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;

/**
 * A trained softness (or fluidity) classifier: S = w·z + b with z = (g − mean)/std the standardised
 * structure-function vector g (DESIGN §4; positive S = soft = predicted rearranging).
 *
 * <p>JSON schema {@value #SCHEMA}:
 * <pre>{@code
 * {"schema": "softglass.softness-model/1",
 *  "weights": [M], "bias": b,                 // on standardised features
 *  "columns": [ {feature column objects of features.json, at least "name"} ],
 *  "mean": [M], "std": [M],                   // the standardisation used in training
 *  "training": {free-form provenance: C, solver, folds, seed, cv_accuracy, counts, input, ...}}
 * }</pre>
 *
 * @param plane the hyperplane on standardised features
 * @param standardization the training standardisation
 * @param columns the feature columns, as in {@code features.json} (each has at least "name")
 * @param training provenance (never null)
 */
public record SoftnessModel(Hyperplane plane, Standardization standardization, List<Map<String, Object>> columns,
                            Map<String, Object> training) {
    /** The schema tag. */
    public static final String SCHEMA = "softglass.softness-model/1";

    /** Validates that weights, standardisation and columns have one length and every column a name; copies the lists. */
    public SoftnessModel {
        int m = plane.w().length;
        if (standardization.size() != m || columns.size() != m) {
            throw new IllegalArgumentException("weights (" + m + "), standardisation (" + standardization.size() + ") and columns ("
                    + columns.size() + ") differ in length");
        }
        for (int j = 0; j < m; j++) {
            if (!(columns.get(j).get("name") instanceof String)) throw new IllegalArgumentException("column " + j + " has no \"name\"");
        }
        columns = List.copyOf(columns);
        training = training == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(training));
    }

    /** The number of features M. */
    public int size() { return plane.w().length; }

    /** The column names, in order. */
    public List<String> columnNames() {
        List<String> n = new ArrayList<>();
        for (Map<String, Object> c : columns) n.add((String) c.get("name"));
        return n;
    }

    /**
     * Checks that a feature table has exactly this model's columns in this order.
     *
     * @param source the file named in the error
     * @throws InputFormatException naming the first mismatching column
     */
    public void requireColumns(List<String> names, String source) {
        List<String> mine = columnNames();
        if (names.size() != mine.size()) {
            throw new InputFormatException(source, -1, "has " + names.size() + " feature columns, the model expects " + mine.size()
                    + " (feature spec does not match the model)");
        }
        for (int j = 0; j < mine.size(); j++) {
            if (!mine.get(j).equals(names.get(j))) {
                throw new InputFormatException(source, -1, "feature column " + j + " is '" + names.get(j) + "', the model expects '"
                        + mine.get(j) + "' (feature spec does not match the model)");
            }
        }
    }

    /** The decision value w·z without the bias, of a raw feature row g (not modified); z is scratch (length M). */
    public double projection(double[] g, double[] z) {
        standardization.apply(g, z);
        double s = 0;
        double[] w = plane.w();
        for (int j = 0; j < w.length; j++) s += w[j] * z[j];
        return s;
    }

    /** S = w·z + b of a raw feature row g (not modified); z is scratch (length M). */
    public double softness(double[] g, double[] z) { return projection(g, z) + plane.b(); }

    /** The weights mapped to raw feature units, w_j / std_j (the hyperplane normal in g-space). */
    public double[] rawWeights() {
        double[] w = plane.w(), r = new double[w.length];
        for (int j = 0; j < w.length; j++) r[j] = w[j] / standardization.std()[j];
        return r;
    }

    /**
     * The model file as written and read (the class comment's schema); a component is null when the file lacks the
     * field. Fields it does not know are ignored.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"schema", "weights", "bias", "columns", "mean", "std", "training"})
    record Stored(@JsonProperty("schema") String schema, @JsonProperty("weights") double[] weights, @JsonProperty("bias") Double bias,
                  @JsonProperty("columns") List<LinkedHashMap<String, Object>> columns, @JsonProperty("mean") double[] mean,
                  @JsonProperty("std") double[] std, @JsonProperty("training") LinkedHashMap<String, Object> training) {}

    /** Writes the model file atomically. */
    public void write(Path file) throws IOException {
        List<LinkedHashMap<String, Object>> cols = new ArrayList<>();
        for (Map<String, Object> c : columns) cols.add(new LinkedHashMap<>(c));
        JsonFile.write(file, new Stored(SCHEMA, plane.w(), plane.b(), cols, standardization.mean(), standardization.std(),
                new LinkedHashMap<>(training)));
    }

    /**
     * Reads and validates a model file: bound strictly ({@link JsonFile#readStrict}: a field of the wrong kind is refused
     * naming it, e.g. {@code field 'weights[1]' is "x", expected a number}), then checked field by field: "weights",
     * "mean", "std" present and finite, "bias" present and finite, "columns" present (objects with a "name"), and all of
     * one length.
     *
     * @throws InputFormatException naming the file and field when the schema, an array, or a number is wrong
     */
    public static SoftnessModel read(Path file) throws IOException {
        String src = file.toString();
        Stored s = JsonFile.readStrict(file, SCHEMA, Stored.class);
        double[] w = finite(s.weights(), "weights", src), mean = finite(s.mean(), "mean", src), std = finite(s.std(), "std", src);
        Double b = s.bias();
        if (b == null || !Double.isFinite(b)) throw new InputFormatException(src, -1, "field 'bias' missing or invalid, expected a finite number");
        if (s.columns() == null) throw new InputFormatException(src, -1, "field 'columns' missing or invalid, expected an array");
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int j = 0; j < s.columns().size(); j++) {
            if (s.columns().get(j) == null) {
                throw new InputFormatException(src, -1, "field 'columns[" + j + "]' is null, expected an array of column objects");
            }
            columns.add(s.columns().get(j));
        }
        Map<String, Object> training = s.training() != null ? s.training() : Map.of();
        try {
            return new SoftnessModel(new Hyperplane(w, b), new Standardization(mean, std), columns, training);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(src, -1, e.getMessage());
        }
    }

    private static double[] finite(double[] v, String key, String src) {
        if (v == null) throw new InputFormatException(src, -1, "field '" + key + "' missing or invalid, expected an array of numbers");
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new InputFormatException(src, -1, "field '" + key + "[" + i + "]' is not a finite number");
        }
        return v;
    }
}
