package org.softglass.core.structure;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.TrajectoryRef;

/**
 * {@code features.json}, the header of a descriptor directory or training set ({@link FeatureFiles}), as written and
 * read: {@code {"schema": "softglass.features/1", "preset", "rmax", "tolerance", "columns": [{"name", "kind", ...}],
 * "mean": [M], "std": [M], "rows": R, "dtype": "f4"|"f8", "center_species", "input", "trajectory": {"file", "sha256"}}}.
 * A statistic that is not finite is written as null and read back as null ({@link #doubles} gives NaN). Read strictly
 * through {@link JsonFile#readStrict} (a field of the wrong kind is refused naming it); fields it does not know are
 * ignored; a component is null when the file lacks the field. "preset" is written even when null, "tolerance" only
 * when known.
 *
 * @param schema {@value FeatureFiles#SCHEMA}
 * @param preset the descriptor preset, null for none
 * @param rmax the descriptors' cutoff (σ)
 * @param tolerance the preset's truncation tolerance, null when not recorded
 * @param columns the column descriptions, each with at least "name" and "kind" (JSON objects, in order)
 * @param mean the per-feature mean, null entries where not finite
 * @param std the per-feature population standard deviation, null entries where not finite
 * @param rows R, the row count of the table
 * @param dtype "f4" or "f8", the element type of the table
 * @param centerSpecies the species of the centre particles
 * @param input the trajectory as named
 * @param trajectory the trajectory's identity (null in a file written before softglass recorded it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema", "preset", "rmax", "tolerance", "columns", "mean", "std", "rows", "dtype", "center_species", "input", "trajectory"})
public record FeatureSidecar(@JsonProperty("schema") String schema,
                             @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("preset") String preset,
                             @JsonProperty("rmax") Double rmax,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("tolerance") Double tolerance,
                             @JsonProperty("columns") List<LinkedHashMap<String, Object>> columns,
                             @JsonProperty("mean") List<Double> mean,
                             @JsonProperty("std") List<Double> std,
                             @JsonProperty("rows") Long rows,
                             @JsonProperty("dtype") String dtype,
                             @JsonProperty("center_species") String centerSpecies,
                             @JsonProperty("input") String input,
                             @JsonProperty("trajectory") TrajectoryRef.Stored trajectory) {

    /** Reads {@code json} (any schema: the caller checks {@link #schema} where it matters). */
    public static FeatureSidecar read(Path json) throws IOException {
        return JsonFile.readStrict(json, null, FeatureSidecar.class);
    }

    /** Writes this sidecar atomically ({@link JsonFile#write}). */
    public void write(Path json) throws IOException {
        JsonFile.write(json, this);
    }

    /** The same sidecar with other statistics and row count (a merged table's). */
    public FeatureSidecar withStatistics(double[] mean, double[] std, long rows) {
        return new FeatureSidecar(schema, preset, rmax, tolerance, columns, nullable(mean), nullable(std), rows, dtype, centerSpecies,
                input, trajectory);
    }

    /**
     * The fields every shard of one descriptors run has alike (all but mean, std and rows), by name, in file order,
     * for comparing shards.
     */
    public Map<String, Object> runFields() {
        return JsonFile.map("schema", schema, "preset", preset, "rmax", rmax, "tolerance", tolerance, "columns", columns, "dtype", dtype,
                "center_species", centerSpecies, "input", input, "trajectory", trajectory);
    }

    /** {@code v} with NaN and ±∞ as null, as the file holds them. */
    public static List<Double> nullable(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) out.add(JsonFile.finite(x));
        return out;
    }

    /** {@code v} with null as NaN. */
    public static double[] doubles(List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i) == null ? Double.NaN : v.get(i);
        return out;
    }
}
