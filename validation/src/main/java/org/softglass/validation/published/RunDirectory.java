package org.softglass.validation.published;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.PipelineSummary;

/**
 * A pipeline run directory ({@code softglass pipeline --out RUN}), read-only. Required: {@code report/summary.json}
 * with schema {@code softglass.pipeline-summary/1} ({@link PipelineSummary}); everything else is optional and read on demand (a row whose
 * file is absent says so). Layout (cli Pipeline): {@code barriers/{barriers.json, arrhenius.csv, onset-source.json}},
 * {@code softness/T0.610/}, {@code phop/T0.610/}, {@code trap/relax/relax_summary.csv}, {@code trsp/{summary.csv,
 * kick-source.json}}, {@code correlations/correlations.json}, {@code observables/T0.610/overlap/}.
 */
public final class RunDirectory {
    /** The summary schema this reader understands. */
    public static final String SUMMARY_SCHEMA = PipelineSummary.SCHEMA;

    private final Path root;
    private final PipelineSummary summary;
    private final RunSetup setup;

    private RunDirectory(Path root, PipelineSummary summary, RunSetup setup) {
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
        PipelineSummary j = PipelineSummary.read(s);
        PipelineSummary.Settings st = j.settings();
        String missing = st == null || st.model() == null ? "model" : st.n() == null ? "n" : st.temperatures() == null ? "temperatures"
                : st.dt() == null ? "dt" : st.trainTemperatures() == null ? "train_temperatures" : null;
        if (missing != null) throw new InputFormatException(s.toString(), -1, "field 'settings." + missing + "' missing");
        RunSetup setup = new RunSetup(st.model(), st.n(), PipelineSummary.doubles(st.temperatures()), st.dt(), PipelineSummary.doubles(st.trainTemperatures()),
                st.pc(), st.pStable(), st.tauC(), st.pR() == null ? 0.2 : st.pR(), st.features() == null ? "?" : st.features());
        return new RunDirectory(root, j, setup);
    }

    /** The run directory. */
    public Path root() { return root; }

    /** {@code report/summary.json}. */
    public PipelineSummary summary() { return summary; }

    /** The settings block as a typed record. */
    public RunSetup setup() { return setup; }

    /** A file under the run directory. */
    public Path file(String first, String... more) { return root.resolve(Path.of(first, more)); }

    /** The per-temperature directory name the pipeline uses ({@code T0.610}). */
    public static String label(double t) { return String.format(Locale.ROOT, "T%.3f", t); }

    /**
     * A JSON file under the run read into {@code type} ({@link JsonFile#read}), or {@code null} when absent.
     *
     * @throws InputFormatException naming the file: not JSON, or a field of the wrong kind
     */
    public <T> T json(Class<T> type, String first, String... more) throws IOException {
        Path p = file(first, more);
        return Files.isRegularFile(p) ? JsonFile.read(p, type) : null;
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
        FitSource o = json(FitSource.class, "barriers", "onset-source.json");
        if (o == null) return null;
        return o.fitted() ? null : "barriers/onset-source.json: source '" + o.name() + "' (its 'reason' says why the fit was not used)";
    }

    /** As {@link #onsetFallback()} for the TRSP kicks ({@code trsp/kick-source.json}). */
    public String kickFallback() throws IOException {
        FitSource o = json(FitSource.class, "trsp", "kick-source.json");
        if (o == null) return null;
        return o.fitted() ? null : "trsp/kick-source.json: source '" + o.name() + "'";
    }
}
