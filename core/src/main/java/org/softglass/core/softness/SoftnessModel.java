package org.softglass.core.softness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.InputFormatException;

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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    /** Writes the model file atomically. */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode w = root.putArray("weights");
        for (double v : plane.w()) w.add(v);
        root.put("bias", plane.b());
        root.set("columns", JSON.valueToTree(columns));
        ArrayNode mn = root.putArray("mean"), sd = root.putArray("std");
        for (double v : standardization.mean()) mn.add(v);
        for (double v : standardization.std()) sd.add(v);
        root.set("training", JSON.valueToTree(training));
        AtomicOutput.write(file, out -> out.write(JSON.writeValueAsBytes(root)));
    }

    /**
     * Reads and validates a model file.
     *
     * @throws InputFormatException naming the file and field when the schema, an array, or a number is wrong
     */
    @SuppressWarnings("unchecked")
    public static SoftnessModel read(Path file) throws IOException {
        String src = file.toString();
        JsonNode root = org.softglass.core.io.JsonFile.readDocument(file, SCHEMA);
        double[] w = array(root, "weights", src), mean = array(root, "mean", src), std = array(root, "std", src);
        JsonNode b = root.get("bias");
        if (b == null || !b.isNumber() || !Double.isFinite(b.doubleValue())) throw new InputFormatException(src, -1, "field 'bias' missing or invalid, expected a finite number");
        JsonNode cols = root.get("columns");
        if (cols == null || !cols.isArray()) throw new InputFormatException(src, -1, "field 'columns' missing or invalid, expected an array");
        List<Map<String, Object>> columns = new ArrayList<>();
        for (JsonNode c : cols) {
            if (!c.isObject()) throw new InputFormatException(src, -1, "field 'columns' holds " + c.getNodeType() + ", expected an array of column objects");
            columns.add(JSON.convertValue(c, LinkedHashMap.class));
        }
        JsonNode tr = root.get("training");
        if (tr != null && !tr.isObject()) throw new InputFormatException(src, -1, "field 'training' is " + tr.getNodeType() + ", expected an object");
        Map<String, Object> training = tr != null ? JSON.convertValue(tr, LinkedHashMap.class) : Map.of();
        try {
            return new SoftnessModel(new Hyperplane(w, b.doubleValue()), new Standardization(mean, std), columns, training);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(src, -1, e.getMessage());
        }
    }

    private static double[] array(JsonNode root, String key, String src) {
        JsonNode a = root.get(key);
        if (a == null || !a.isArray()) throw new InputFormatException(src, -1, "field '" + key + "' missing or invalid, expected an array of numbers");
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode e = a.get(i);
            if (!e.isNumber() || !Double.isFinite(e.doubleValue())) throw new InputFormatException(src, -1, "field '" + key + "[" + i + "]' is not a finite number");
            v[i] = e.doubleValue();
        }
        return v;
    }
}
