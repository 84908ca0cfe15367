package org.softglass.validation.published;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.softglass.core.io.InputFormatException;

/**
 * A pipeline run directory ({@code softglass pipeline --out RUN}), read-only. Required: {@code report/summary.json}
 * with schema {@code softglass.pipeline-summary/1}; everything else is optional and read on demand (a row whose
 * file is absent says so). Layout (cli Pipeline): {@code barriers/{barriers.json, arrhenius.csv, onset-source.json}},
 * {@code softness/T0.610/}, {@code phop/T0.610/}, {@code trap/relax/relax_summary.csv}, {@code trsp/{summary.csv,
 * kick-source.json}}, {@code correlations/correlations.json}, {@code observables/T0.610/overlap/}.
 */
public final class RunDirectory {
    /** The summary schema this reader understands. */
    public static final String SUMMARY_SCHEMA = "softglass.pipeline-summary/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final JsonNode summary;
    private final RunSetup setup;

    private RunDirectory(Path root, JsonNode summary, RunSetup setup) {
        this.root = root;
        this.summary = summary;
        this.setup = setup;
    }

    /**
     * Opens {@code root}.
     *
     * @throws InputFormatException when {@code root} is not a pipeline run directory (no readable summary with the schema and settings)
     */
    public static RunDirectory open(Path root) throws IOException {
        Path s = root.resolve("report").resolve("summary.json");
        if (!Files.isRegularFile(s)) {
            throw new InputFormatException(root.toString(), -1, "not a pipeline run directory: expected report/summary.json (written by 'softglass pipeline --out DIR')");
        }
        JsonNode j = readJson(s);
        if (j == null || !SUMMARY_SCHEMA.equals(j.path("schema").asText(""))) {
            throw new InputFormatException(s.toString(), -1, "field 'schema' missing or invalid, expected \"" + SUMMARY_SCHEMA + "\"");
        }
        JsonNode st = j.path("settings");
        for (String k : List.of("model", "n", "temperatures", "dt", "train_temperatures")) {
            if (st.path(k).isMissingNode() || st.path(k).isNull()) throw new InputFormatException(s.toString(), -1, "field 'settings." + k + "' missing");
        }
        RunSetup setup = new RunSetup(st.path("model").asText(), st.path("n").asInt(), doubles(st.path("temperatures")), st.path("dt").asDouble(),
                doubles(st.path("train_temperatures")), st.path("pc").asDouble(Double.NaN), st.path("p_stable").asDouble(Double.NaN),
                st.path("tau_c").asDouble(Double.NaN), st.path("p_R").asDouble(0.2), st.path("features").asText("?"));
        return new RunDirectory(root, j, setup);
    }

    /** The run directory. */
    public Path root() { return root; }

    /** {@code report/summary.json}. */
    public JsonNode summary() { return summary; }

    /** The settings block as a typed record. */
    public RunSetup setup() { return setup; }

    /** A file under the run directory. */
    public Path file(String first, String... more) { return root.resolve(Path.of(first, more)); }

    /** The per-temperature directory name the pipeline uses ({@code T0.610}). */
    public static String label(double t) { return String.format(Locale.ROOT, "T%.3f", t); }

    /** A JSON file under the run, or {@code null} when absent. */
    public JsonNode json(String first, String... more) throws IOException {
        Path p = file(first, more);
        return Files.isRegularFile(p) ? readJson(p) : null;
    }

    /** A CSV file with a header under the run, or {@code null} when absent. */
    public Table csv(String first, String... more) throws IOException {
        Path p = file(first, more);
        return Files.isRegularFile(p) ? Table.read(p) : null;
    }

    /**
     * Why the barrier/trap parameters are not this run's own, or {@code null} when they are: {@code barriers/onset-source.json}
     * with a source other than "fitted" (the pipeline's preset fallback) makes every trap prediction rest on unmeasured numbers.
     */
    public String onsetFallback() throws IOException {
        JsonNode o = json("barriers", "onset-source.json");
        if (o == null) return null;
        String src = o.path("source").asText("");
        return "fitted".equals(src) ? null : "barriers/onset-source.json: source '" + src + "' (its 'reason' says why the fit was not used)";
    }

    /** As {@link #onsetFallback()} for the TRSP kicks ({@code trsp/kick-source.json}). */
    public String kickFallback() throws IOException {
        JsonNode o = json("trsp", "kick-source.json");
        if (o == null) return null;
        String src = o.path("source").asText("");
        return "fitted".equals(src) ? null : "trsp/kick-source.json: source '" + src + "'";
    }

    static JsonNode readJson(Path p) throws IOException {
        try {
            return JSON.readTree(Files.readAllBytes(p));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputFormatException(p.toString(), -1, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    static double[] doubles(JsonNode a) {
        List<Double> v = new ArrayList<>();
        if (a.isArray()) for (JsonNode x : a) v.add(x.asDouble(Double.NaN));
        else if (a.isNumber()) v.add(a.asDouble());
        double[] r = new double[v.size()];
        for (int i = 0; i < r.length; i++) r[i] = v.get(i);
        return r;
    }
}
