package org.softglass.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;

/**
 * Reading and merging the JSON that JMH writes with {@code -rf json}: a top-level array with one
 * object per benchmark × parameter combination, each with {@code benchmark} (fully qualified method
 * name), {@code mode} ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}), {@code params}
 * (name → value as strings; absent when the benchmark has none) and {@code primaryMetric}
 * ({@code score}, {@code scoreError} = half-width of the 99.9 % confidence interval, {@code NaN} when
 * JMH had too few samples, {@code scoreUnit}), plus the run configuration ({@code forks},
 * {@code warmupIterations}, {@code warmupTime}, {@code measurementIterations},
 * {@code measurementTime}). Only those fields are read ({@link Entry}, through {@link JsonFile}); everything else is
 * ignored.
 */
public final class JmhResults {
    private JmhResults() {}

    /**
     * One entry of JMH's array as bound from the file: the fields read, everything else ignored. A field of another
     * kind than these is refused by {@link JsonFile#read} naming the file.
     *
     * @param benchmark the benchmark method, or null
     * @param mode the mode's short name, or null
     * @param params the parameter values (a number as its text), or null when the benchmark has none
     * @param primaryMetric the primary metric, or null
     * @param forks the run configuration as written (a number as its text), null where missing
     * @param warmupIterations ditto
     * @param warmupTime ditto
     * @param measurementIterations ditto
     * @param measurementTime ditto
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(@JsonProperty("benchmark") String benchmark, @JsonProperty("mode") String mode,
                 @JsonProperty("params") Map<String, String> params, @JsonProperty("primaryMetric") Metric primaryMetric,
                 @JsonProperty("forks") String forks, @JsonProperty("warmupIterations") String warmupIterations,
                 @JsonProperty("warmupTime") String warmupTime, @JsonProperty("measurementIterations") String measurementIterations,
                 @JsonProperty("measurementTime") String measurementTime) {}

    /**
     * JMH's primary metric. JMH writes a score as a number, or as the string "NaN", "Infinity" or "-Infinity": the two
     * are bound as written (a {@link Number} or a {@link String}, another kind as what it is) and read by {@link #number}.
     *
     * @param score the score as written, or null
     * @param scoreError the half-width of the 99.9 % interval as written, or null
     * @param scoreUnit the unit, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metric(@JsonProperty("score") Object score, @JsonProperty("scoreError") Object scoreError,
                  @JsonProperty("scoreUnit") String scoreUnit) {}

    /**
     * One benchmark result.
     *
     * @param benchmark fully qualified benchmark method, e.g. {@code org.softglass.bench.ForceBench.forces}
     * @param mode JMH mode short name ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss})
     * @param params the {@code @Param} values, sorted by name (empty when none)
     * @param score the primary score in {@code unit}
     * @param error half-width of JMH's 99.9 % confidence interval in {@code unit}; {@code NaN} when JMH
     *     could not compute one (a single measurement)
     * @param unit the score unit as JMH writes it, e.g. {@code ns/op}, {@code ops/s}
     * @param config the run configuration, e.g. {@code f1 wi3x1 s i5x1 s}, to tell runs of different
     *     length apart
     */
    public record Result(String benchmark, String mode, Map<String, String> params, double score, double error,
                         String unit, String config) {
        /** Benchmark name and parameters: the key by which two runs are matched. */
        public String key() {
            return params.isEmpty() ? benchmark : benchmark + " " + paramString();
        }

        /** The parameters as {@code a=1,b=x} in name order (empty string when none). */
        public String paramString() {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (!sb.isEmpty()) sb.append(',');
                sb.append(e.getKey()).append('=').append(e.getValue());
            }
            return sb.toString();
        }

        /** Whether a lower score is better: time per operation ({@code avgt}, {@code sample}, {@code ss}). */
        public boolean lowerIsBetter() {
            return !mode.equals("thrpt");
        }
    }

    /**
     * Reads a JMH JSON result file.
     *
     * @throws InputFormatException (one line naming the file and the entry) if the file is not a JMH
     *     result array or an entry lacks {@code benchmark}, {@code mode} or a numeric {@code primaryMetric.score}
     * @throws IOException if the file cannot be read
     */
    public static List<Result> read(Path file) throws IOException {
        List<?> root = array(file);
        for (int k = 0; k < root.size(); k++) {
            if (!(root.get(k) instanceof Map<?, ?>)) throw bad(file, "entry " + (k + 1), "no \"benchmark\" string, expected a JMH result object");
        }
        Entry[] entries = JsonFile.read(file, Entry[].class);
        List<Result> out = new ArrayList<>();
        for (int k = 0; k < entries.length; k++) out.add(parse(file, k, entries[k]));
        return Collections.unmodifiableList(out);
    }

    /**
     * The file's top-level array, its entries as written (maps, lists, numbers, strings: what {@link #merge} copies).
     *
     * @throws InputFormatException the file is not JSON (naming the line), empty, or holds no array
     */
    private static List<?> array(Path file) throws IOException {
        if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).isBlank()) {
            throw new InputFormatException(file.toString(), -1, "found an empty file, expected a JSON array of JMH results (-rf json)");
        }
        Object root;
        try {
            root = JsonFile.read(file, Object.class);
        } catch (InputFormatException e) {
            long line = e.getCause() instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation().getLineNr() : -1;
            throw new InputFormatException(file.toString(), line, e.detail() + ", expected JMH's -rf json output", e);
        }
        if (root instanceof List<?> list) return list;
        String kind = root instanceof Map<?, ?> ? "object" : root instanceof Number ? "number" : root instanceof String ? "string"
                : root instanceof Boolean ? "boolean" : "null";
        throw new InputFormatException(file.toString(), -1, "found a JSON " + kind + ", expected a JSON array of JMH results (-rf json)");
    }

    private static Result parse(Path file, int k, Entry n) {
        String where = "entry " + (k + 1);
        String benchmark = text(file, where, n.benchmark(), "benchmark");
        String mode = text(file, where, n.mode(), "mode");
        Metric pm = n.primaryMetric();
        if (pm == null) throw bad(file, where + " (" + benchmark + ")", "no primaryMetric object");
        if (!(pm.score() instanceof Number || pm.score() instanceof String)) {
            throw bad(file, where + " (" + benchmark + ")", "no numeric primaryMetric.score");
        }
        double s = number(file, where, pm.score(), "score");
        double e = pm.scoreError() == null ? Double.NaN : number(file, where, pm.scoreError(), "scoreError");
        String unit = pm.scoreUnit() != null ? pm.scoreUnit() : "?";
        Map<String, String> params = new TreeMap<>();
        if (n.params() != null) params.putAll(n.params());
        String config = "f" + orQ(n.forks()) + " wi" + orQ(n.warmupIterations()) + "x" + orQ(n.warmupTime()) + " i"
                + orQ(n.measurementIterations()) + "x" + orQ(n.measurementTime());
        return new Result(benchmark, mode, Collections.unmodifiableMap(params), s, e, unit, config);
    }

    private static String orQ(String v) { return v == null ? "?" : v; }

    /** JMH writes NaN and infinities as the strings "NaN", "Infinity"; numbers otherwise. */
    private static double number(Path file, String where, Object v, String field) {
        if (v instanceof Number x) return x.doubleValue();
        String t = String.valueOf(v);
        return switch (t) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw bad(file, where, "primaryMetric." + field + " is \"" + t + "\", expected a number");
        };
    }

    private static String text(Path file, String where, String v, String field) {
        if (v == null || v.isEmpty()) throw bad(file, where, "no \"" + field + "\" string, expected a JMH result object");
        return v;
    }

    private static InputFormatException bad(Path file, String where, String what) {
        return new InputFormatException(file.toString(), -1, where + ": " + what);
    }

    /**
     * Concatenates the result arrays of several JMH JSON files into one array written atomically to
     * {@code out} (entries kept verbatim, in file order). Each input is checked with {@link #read}.
     *
     * @throws InputFormatException if an input is not a JMH result array
     */
    public static void merge(Path out, List<Path> inputs) throws IOException {
        List<Object> all = new ArrayList<>();
        for (Path in : inputs) {
            read(in);
            all.addAll(array(in));
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        byte[] b = (JsonFile.pretty(all) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(out, s -> s.write(b));
    }
}
