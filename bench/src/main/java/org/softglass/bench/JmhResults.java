package org.softglass.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.InputFormatException;

/**
 * Reading and merging the JSON that JMH writes with {@code -rf json}: a top-level array with one
 * object per benchmark × parameter combination, each with {@code benchmark} (fully qualified method
 * name), {@code mode} ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}), {@code params}
 * (name → value as strings; absent when the benchmark has none) and {@code primaryMetric}
 * ({@code score}, {@code scoreError} = half-width of the 99.9 % confidence interval, {@code NaN} when
 * JMH had too few samples, {@code scoreUnit}), plus the run configuration ({@code forks},
 * {@code warmupIterations}, {@code warmupTime}, {@code measurementIterations},
 * {@code measurementTime}). Only those fields are read; everything else is ignored.
 */
public final class JmhResults {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JmhResults() {}

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
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InputFormatException(file.toString(), e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                    "not valid JSON (" + e.getOriginalMessage() + "), expected JMH's -rf json output", e);
        }
        if (root == null || !root.isArray()) {
            throw new InputFormatException(file.toString(), -1,
                    "found " + (root == null ? "an empty file" : "a JSON " + root.getNodeType().name().toLowerCase())
                            + ", expected a JSON array of JMH results (-rf json)");
        }
        List<Result> out = new ArrayList<>();
        for (int k = 0; k < root.size(); k++) out.add(parse(file, k, root.get(k)));
        return Collections.unmodifiableList(out);
    }

    private static Result parse(Path file, int k, JsonNode n) {
        String where = "entry " + (k + 1);
        String benchmark = text(file, where, n, "benchmark");
        String mode = text(file, where, n, "mode");
        JsonNode pm = n.get("primaryMetric");
        if (pm == null || !pm.isObject()) throw bad(file, where + " (" + benchmark + ")", "no primaryMetric object");
        JsonNode score = pm.get("score");
        if (score == null || !(score.isNumber() || score.isTextual())) {
            throw bad(file, where + " (" + benchmark + ")", "no numeric primaryMetric.score");
        }
        double s = number(file, where, score, "score");
        JsonNode err = pm.get("scoreError");
        double e = err == null || err.isNull() ? Double.NaN : number(file, where, err, "scoreError");
        String unit = pm.hasNonNull("scoreUnit") ? pm.get("scoreUnit").asText() : "?";
        Map<String, String> params = new TreeMap<>();
        JsonNode p = n.get("params");
        if (p != null && p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                params.put(f.getKey(), f.getValue().asText());
            }
        }
        String config = "f" + n.path("forks").asText("?") + " wi" + n.path("warmupIterations").asText("?") + "x"
                + n.path("warmupTime").asText("?") + " i" + n.path("measurementIterations").asText("?") + "x"
                + n.path("measurementTime").asText("?");
        return new Result(benchmark, mode, Collections.unmodifiableMap(params), s, e, unit, config);
    }

    /** JMH writes NaN and infinities as the strings "NaN", "Infinity"; numbers otherwise. */
    private static double number(Path file, String where, JsonNode v, String field) {
        if (v.isNumber()) return v.asDouble();
        String t = v.asText();
        return switch (t) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> throw bad(file, where, "primaryMetric." + field + " is \"" + t + "\", expected a number");
        };
    }

    private static String text(Path file, String where, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw bad(file, where, "no \"" + field + "\" string, expected a JMH result object");
        }
        return v.asText();
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
        ArrayNode all = JSON.createArrayNode();
        for (Path in : inputs) {
            read(in);
            for (JsonNode n : JSON.readTree(in.toFile())) all.add(n);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        AtomicOutput.write(out, s -> {
            s.write(JSON.writeValueAsBytes(all));
            s.write('\n');
        });
    }
}
