package org.softglass.cli.report;

import static org.softglass.cli.report.ReportNumbers.fin;
import static org.softglass.cli.report.ReportNumbers.fmt;
import static org.softglass.cli.report.ReportNumbers.mean;

import org.softglass.cli.Csv;
import org.softglass.cli.pipeline.PipelinePreset;
import org.softglass.cli.pipeline.StageRecord;
import org.softglass.cli.pipeline.StudyInputs;
import org.softglass.cli.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.softglass.core.io.AtomicOutput;
import org.softglass.study.dynamics.FsSummary;
import org.softglass.validation.published.Comparison;
import org.softglass.validation.published.PublishedTable;
import org.softglass.validation.published.RunDirectory;
import org.softglass.validation.published.Status;

/**
 * The pipeline's report: {@code report/summary.json}, {@code report/index.html} (static, no
 * network; figures are PNG files next to it) built from the stage outputs. This class orchestrates:
 * it writes summary.json's header (schema, version, seed, threads, study, settings), the fallbacks,
 * the MD thermodynamics, the Arrhenius bins, the detailed balance, the stage timings and the
 * published-versus-measured table, copies the stages' figures, and hands the page to {@link PipelineHtml}.
 * The fitted parameters are {@link PipelineFits}'s; the model-versus-MD comparison and the time-scale
 * matching {@link PipelineComparison}'s (the MD side read by {@link MdOverlap}, the block χ4* by
 * {@link PipelineBlockCollapse}). summary.json's keys keep the order in which this class calls them.
 *
 * <p>Fallbacks ({@link PipelineFallbacks}): where the run used preset or reduced numbers instead of
 * measured ones, a banner at the top of index.html and summary.json's {@code fallback_used},
 * {@code fallbacks} [{what, substitute, reason}].
 *
 * <p>Detailed balance of the TRSP run (paper 002 App. F1): for every pair of softness bins (A, B)
 * the transition counts n_AB and n_BA are equal in expectation in a stationary reversible process;
 * with Poisson counts, χ² = Σ (n_AB − n_BA)² / (n_AB + n_BA) over pairs with n_AB + n_BA ≥ 10 has
 * as many degrees of freedom as pairs, and the report gives χ²/dof and its p-value.
 */
public final class PipelineReport {
    private final Path root;
    private final PipelinePreset preset;
    private final StudyInputs study;
    /** {config, config_sha256} of a study that made its own MD, or null. */
    private final Map<String, Object> studyConfig;
    private final long seed;
    private final int threads;

    public PipelineReport(Path root, PipelinePreset preset, long seed, int threads) {
        this(root, preset, seed, threads, null, null);
    }

    /** @param study the user's trajectories of {@code softglass study} (no MD thermo), or null for a preset run */
    public PipelineReport(Path root, PipelinePreset preset, long seed, int threads, StudyInputs study, Map<String, Object> studyConfig) {
        this.root = root;
        this.preset = preset;
        this.study = study;
        this.studyConfig = studyConfig;
        this.seed = seed;
        this.threads = threads;
    }

    /** Writes summary.json, the figures and index.html into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("schema", "softglass.pipeline-summary/1");
        sum.put("version", Version.get());
        sum.put("seed", seed);
        sum.put("threads", threads);
        if (study != null) sum.put("study", study.asMap());
        if (studyConfig != null) sum.put("study_config", studyConfig);
        sum.put("settings", study != null ? study.settings(preset) : preset.asMap());
        // fallbacks first: a script (and the reader of index.html) sees at once whether the comparison rests on measured numbers
        List<PipelineFallbacks.Fallback> fallbacks = PipelineFallbacks.read(root);
        sum.put("fallback_used", !fallbacks.isEmpty());
        sum.put("fallbacks", PipelineFallbacks.asMaps(fallbacks));
        List<String[]> fitted = new ArrayList<>();   // name, value, error, unit/meaning
        List<Map<String, Object>> md = mdThermo();
        sum.put("md", md);
        PipelineFits.Fitted fits = PipelineFits.fill(root, preset, sum, fitted);

        // per-bin Arrhenius fits
        ReportTable arr = ReportTable.read(root.resolve("barriers").resolve("arrhenius.csv"));
        List<String[]> bins = new ArrayList<>();
        for (int i = 0; i < arr.rows(); i++) {
            bins.add(new String[] {fmt(arr.col("mean")[i]), fmt(arr.col("delta_e")[i]), fmt(arr.col("delta_e_err")[i]),
                    fmt(arr.col("sigma")[i]), fmt(arr.col("sigma_err")[i])});
        }
        sum.put("arrhenius_bins", arr.rows());

        PipelineComparison.Result cmp = PipelineComparison.write(root, preset, dir, sum, fits, md);
        List<Map<String, Object>> dbs = detailedBalance();
        sum.put("detailed_balance", dbs);
        sum.put("stage_seconds", stageSeconds());
        List<String> copied = copyFigures(dir);
        if (cmp.collapseDrawn()) copied.add("block_collapse.png");
        Csv.json(dir.resolve("summary.json"), sum);
        if (dir.toAbsolutePath().normalize().equals(root.resolve("report").toAbsolutePath().normalize())) {
            sum.put("published", published(dir));
            Csv.json(dir.resolve("summary.json"), sum);
        }
        String html = PipelineHtml.page(preset, sum, fitted, bins, cmp.rows(), dbs, cmp.figures(), copied);
        AtomicOutput.write(dir.resolve("index.html"), o -> o.write(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** summary.json's md: per T the MD's mean temperature, energy and pressure (none for a study) and τ_α of F_s. */
    private List<Map<String, Object>> mdThermo() throws IOException {
        List<Map<String, Object>> md = new ArrayList<>();
        for (double t : preset.temperatures()) {
            FsSummary fs = FsSummary.read(root.resolve("observables").resolve(PipelinePreset.label(t)).resolve("fs").resolve("fs.json"));
            if (study != null) {   // the user's trajectories come without our thermo
                md.add(Csv.map("T", t, "temperature_measured", null, "pe_per_atom", null, "pressure", null,
                        "tau_alpha_fs02", fin(fs.tauAlpha())));
                continue;
            }
            ReportTable th = ReportTable.read(root.resolve("md").resolve(PipelinePreset.label(t)).resolve("thermo.csv"));
            md.add(Csv.map("T", t, "temperature_measured", fin(mean(th.col("temperature"))), "pe_per_atom", fin(mean(th.col("pe"))),
                    "pressure", fin(mean(th.col("press"))), "tau_alpha_fs02", fin(fs.tauAlpha())));
        }
        return md;
    }

    /** summary.json's detailed_balance: per T, χ² and dof of the TRSP transition counts and the p-value (class comment). */
    private List<Map<String, Object>> detailedBalance() throws IOException {
        ReportTable db = ReportTable.read(root.resolve("trsp").resolve("detailed_balance.csv"));
        List<Map<String, Object>> dbs = new ArrayList<>();
        for (double t : preset.temperatures()) {
            double chi2 = 0;
            int dof = 0;
            for (int i = 0; i < db.rows(); i++) {
                if (db.col("T")[i] != t) continue;
                double a = db.col("n_AB")[i], b = db.col("n_BA")[i];
                if (a + b < 10) continue;
                chi2 += (a - b) * (a - b) / (a + b);
                dof++;
            }
            double p = dof > 0 ? 1 - new ChiSquaredDistribution(dof).cumulativeProbability(chi2) : Double.NaN;
            dbs.add(Csv.map("T", t, "chi2", chi2, "dof", dof, "p_value", fin(p)));
        }
        return dbs;
    }

    /** summary.json's stage_seconds: the wall seconds of every stage record but the report's, by name. */
    private Map<String, Object> stageSeconds() throws IOException {
        Map<String, Object> stages = new LinkedHashMap<>();
        try (var s = Files.list(root.resolve("stages"))) {
            // the records only: not the lock files of batch items (.KEY.json.lock) or temporary files
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                StageRecord j = StageRecord.read(p);
                String name = p.getFileName().toString().replace(".json", "");
                if (!name.startsWith("report")) stages.put(name, j.seconds());
            }
        }
        return stages;
    }

    /** Copies the stages' figures that exist into {@code dir}; returns their names there. */
    private List<String> copyFigures(Path dir) throws IOException {
        Object[][] copies = {{"barriers/prs.png", "prs.png"}, {"barriers/barriers.png", "barriers.png"}, {"correlations/cs.png", "cs.png"},
                {"correlations/kicks.png", "kicks.png"}, {"trsp/detailed_balance.png", "detailed_balance.png"}, {"train/model/model.png", "model.png"}};
        List<String> copied = new ArrayList<>();
        Path corr = root.resolve("correlations");
        if (Files.isDirectory(corr)) {   // C_S(r) at the highest T, whose fit the models use (correlations/cs-T…/)
            try (var s = Files.list(corr)) {
                Path cs = s.filter(f -> f.getFileName().toString().startsWith("cs-T")).map(f -> f.resolve("cs.png")).filter(Files::isRegularFile).findFirst().orElse(null);
                if (cs != null) {
                    Files.copy(cs, dir.resolve("cs_model.png"), StandardCopyOption.REPLACE_EXISTING);
                    copied.add("cs_model.png");
                }
            }
        }
        for (Object[] c : copies) {
            Path src = root.resolve((String) c[0]);
            if (Files.isRegularFile(src)) {
                Files.copy(src, dir.resolve((String) c[1]), StandardCopyOption.REPLACE_EXISTING);
                copied.add((String) c[1]);
            }
        }
        return copied;
    }

    /**
     * The published-versus-measured table of papers 000–002 ({@link PublishedTable}, the table of
     * {@code softglass validate --published RUN}), evaluated on this run once its summary.json is written:
     * {@code published.csv} and {@code published.json} (schema softglass.published/1) beside the report, and
     * for summary.json the counts per verdict and the rows (id, quantity, printed, citation, ours, ours_err,
     * agrees, status, setup_note, reason). A run the table cannot read gives {@code error} instead: the
     * report is still written.
     */
    private Map<String, Object> published(Path dir) throws IOException {
        List<Comparison> rows;
        Map<String, Object> j;
        try {
            rows = PublishedTable.evaluate(root);
            j = PublishedTable.toJson(root, RunDirectory.open(root).setup(), rows);
        } catch (org.softglass.core.io.InputFormatException | IllegalArgumentException e) {
            return Csv.map("error", e.getMessage());
        }
        AtomicOutput.write(dir.resolve("published.csv"), o -> o.write(PublishedTable.toCsv(rows).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Csv.json(dir.resolve("published.json"), j);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("schema", PublishedTable.SCHEMA);
        r.put("files", List.of("published.csv", "published.json"));
        for (Status st : Status.values()) r.put(st.name().toLowerCase(java.util.Locale.ROOT), rows.stream().filter(c -> c.status() == st).count());
        r.put("rows", j.get("rows"));
        return r;
    }
}
