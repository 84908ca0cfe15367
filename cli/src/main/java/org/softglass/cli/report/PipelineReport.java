package org.softglass.cli.report;

import org.softglass.cli.Csv;
import org.softglass.cli.pipeline.PipelinePreset;
import org.softglass.cli.pipeline.StudyInputs;
import org.softglass.cli.Version;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.validation.published.Comparison;
import org.softglass.validation.published.PublishedTable;
import org.softglass.validation.published.RunDirectory;
import org.softglass.validation.published.Status;

/**
 * The pipeline's report: {@code report/summary.json}, {@code report/index.html} (static, no
 * network; figures are PNG files next to it) built from the stage outputs.
 *
 * <p>Comparisons, per MD temperature: the relaxation time τ_Q (Q = 1/e), the χ4 peak (χ4*, τ_χ)
 * and ξ4 of the MD's inherent-state overlap ({@code observables/T…/overlap}, species A,
 * {@link org.softglass.core.dynamics.InherentOverlap}; the p_hop persistence is reported beside it
 * under its own name, {@code tau_persist_md}), of the trap-like model
 * (paper 000 eqs 16–17, m = 1) and of the TRSP lattice model (paper 002; τ_Q read off its Q(t) as for the
 * MD, {@link org.softglass.core.rearrange.Persistence#tauQ}); ⟨S⟩(T) of the MD against the trap model's equilibrium (000 eq 10).
 *
 * <p>Time-scale matching ({@link PipelineMatching}, paper 000 supplement "Rescaling of rearrangement
 * rate", DESIGN §7b): each model's rates are multiplied by one temperature-independent factor
 * f = τ_Q,model/τ_Q,MD fixed at the highest temperature where all are finite, so its times are divided
 * by f; summary.json's {@code time_matching} gives the factors, the comparison rows the matched
 * τ_Q and τ_χ ({@code *_matched}), the Q(t)/χ4(t) figures raw (markers) and matched (lines) model curves.
 * The MD τ_Q is read in one place, {@link #mdOverlap} ({@link #MD_OVERLAP}).
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;
    private final PipelinePreset preset;
    private final StudyInputs study;
    /** {config, config_sha256} of a study that made its own MD, or null. */
    private final Map<String, Object> studyConfig;
    private final long seed;
    private final int threads;
    /** Whether {@link #blockCollapse} drew any point (else no block_collapse.png). */
    private boolean collapseDrawn;

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
        double[] ts = preset.temperatures();

        // MD thermodynamics and F_s
        List<Map<String, Object>> md = new ArrayList<>();
        for (double t : ts) {
            JsonNode fs = JSON.readTree(root.resolve("observables").resolve(PipelinePreset.label(t)).resolve("fs").resolve("fs.json").toFile());
            if (study != null) {   // the user's trajectories come without our thermo
                md.add(Csv.map("T", t, "temperature_measured", null, "pe_per_atom", null, "pressure", null,
                        "tau_alpha_fs02", fin(num(fs.get("tau_alpha")))));
                continue;
            }
            Table th = Table.read(root.resolve("md").resolve(PipelinePreset.label(t)).resolve("thermo.csv"));
            md.add(Csv.map("T", t, "temperature_measured", fin(mean(th.col("temperature"))), "pe_per_atom", fin(mean(th.col("pe"))),
                    "pressure", fin(mean(th.col("press"))), "tau_alpha_fs02", fin(num(fs.get("tau_alpha")))));
        }
        sum.put("md", md);

        // softness model
        JsonNode model = JSON.readTree(root.resolve("train").resolve("model").resolve("model.json").toFile()).get("training");
        sum.put("softness_model", Csv.map("samples", model.get("samples").asInt(), "train_accuracy", model.get("train_accuracy").asDouble(),
                "cv_accuracy", num(model.get("cv_accuracy")), "features", preset.features()));
        fitted.add(new String[] {"SVM cross-validated accuracy", fmt(num(model.get("cv_accuracy"))), "",
                model.get("samples").asInt() + " balanced samples, 5-fold"});

        // barriers and the parameter file
        JsonNode bar = JSON.readTree(root.resolve("barriers").resolve("barriers.json").toFile());
        JsonNode on = bar.get("onset_fit");
        Path onsetSource = root.resolve("barriers").resolve("onset-source.json");
        JsonNode os = Files.isRegularFile(onsetSource) ? JSON.readTree(onsetSource.toFile()) : null;
        boolean fittedOnset = os == null || "fitted".equals(os.get("source").asText());
        Map<String, Object> onset = new LinkedHashMap<>();
        onset.put("source", fittedOnset ? "fitted" : os.get("source").asText());
        String[][] names = {{"eps0", "ε0", "ΔE(S) = ε0 + ε1 S + ε2 S²"}, {"eps1", "ε1", ""}, {"eps2", "ε2", ""},
                {"sigma0", "Σ0", "Σ(S) = Σ0 + (ε1 S + ε2 S²)/T0"}, {"t0", "T0", "onset temperature"}};
        if (fittedOnset) {
            for (String[] n : names) {
                double v = on.get(n[0]).asDouble(), e = on.get("errors").get(n[0]).asDouble();
                onset.put(n[0], v);
                onset.put(n[0] + "_err", e);
                fitted.add(new String[] {n[1], fmt(v), fmt(e), n[2]});
            }
            onset.put("chi2", on.get("chi2").asDouble());
            onset.put("dof", on.get("dof").asInt());
            // errors of a fit with χ²/dof > 1 are scaled by √(χ²/dof) (barriers, DESIGN §7b); the report says so
            boolean scaled = on.path("errors_scaled_by_chi2").asBoolean(false);
            double scale = on.path("error_scale").isNumber() ? on.get("error_scale").asDouble() : 1.0;
            onset.put("errors_scaled_by_chi2", scaled);
            onset.put("error_scale", scale);
            JsonNode bs = bar.path("bootstrap");
            onset.put("bootstrap_blocks", bs.path("blocks").isTextual() ? bs.get("blocks").asText() : null);
            fitted.add(new String[] {"χ²/dof of the onset fit", fmt(on.get("chi2").asDouble() / on.get("dof").asInt()), "",
                    (scaled ? "> 1: the errors above are scaled by √(χ²/dof) = " + fmt(scale) : "≤ 1: errors not scaled")
                            + "; P(R|S) errors from a block bootstrap (" + (bs.path("blocks").isTextual() ? bs.get("blocks").asText() : "independent samples")
                            + " blocks)"});
        } else {   // the fit refused: the models ran on the preset's values (Pipeline.presetOnset)
            var b = ModelParameters.read(root.resolve("barriers").resolve("model-parameters.json")).barriers();
            double[] v = {b.eps0(), b.eps1(), b.eps2(), b.sigma0(), b.t0()};
            for (int i = 0; i < names.length; i++) {
                onset.put(names[i][0], v[i]);
                fitted.add(new String[] {names[i][1], fmt(v[i]), "", os.get("source").asText() + " (not fitted)"});
            }
            onset.put("reason", os.get("reason").asText());
            fitted.add(new String[] {"onset fit", "refused", "", os.get("reason").asText()});
        }
        sum.put("onset_fit", onset);
        JsonNode mf = bar.get("mean_fit");
        sum.put("mean_s_fit", Csv.map("a", mf.get("a").asDouble(), "b", mf.get("b").asDouble(), "a_err", mf.get("a_err").asDouble(),
                "b_err", mf.get("b_err").asDouble()));
        fitted.add(new String[] {"a of ⟨S⟩ = a + b/T", fmt(mf.get("a").asDouble()), fmt(mf.get("a_err").asDouble()), "MD"});
        fitted.add(new String[] {"b of ⟨S⟩ = a + b/T", fmt(mf.get("b").asDouble()), fmt(mf.get("b_err").asDouble()), "MD"});
        ModelParameters params = ModelParameters.read(root.resolve("correlations").resolve("model-parameters.json"));
        Map<String, Object> pj = new LinkedHashMap<>();
        pj.put("rho_s0", params.rho().s0());
        pj.put("rho_sigma0", params.rho().sigma0());
        pj.put("tauR", params.tauR());
        fitted.add(new String[] {"S0 of ϱ(S)", fmt(params.rho().s0()), err(params, "rho.s0"), "ϱ(S) inverted through 000 eqs 10–11"});
        fitted.add(new String[] {"σ0 of ϱ(S)", fmt(params.rho().sigma0()), err(params, "rho.sigma0"), ""});
        fitted.add(new String[] {"τ_R", fmt(params.tauR()), err(params, "tauR"), "mean rearrangement duration (τ)"});
        for (var e : new Object[][] {{"cS", params.cS(), "C_S(r)"}, {"sigmaDelta", params.sigmaDelta(), "σ_Δ(r)"}, {"rhoDelta", params.rhoDelta(), "ρ_Δ(r)"}}) {
            ModelParameters.ExpCorrelation c = (ModelParameters.ExpCorrelation) e[1];
            if (c == null) continue;
            String k = (String) e[0];
            pj.put(k, Csv.map("c0", c.c0(), "c1", c.c1(), "xi", c.xi()));
            fitted.add(new String[] {"c0 of " + e[2], fmt(c.c0()), err(params, k + ".c0"), "value at r = 0"});
            fitted.add(new String[] {"c1 of " + e[2], fmt(c.c1()), err(params, k + ".c1"), "c1 exp(−r/ξ), r > 0 (002 eq 29)"});
            fitted.add(new String[] {"ξ of " + e[2], fmt(c.xi()), err(params, k + ".xi"), "σ"});
        }
        sum.put("parameters", pj);
        sum.put("onset_excluded_temperatures", bar.has("onset_excluded_temperatures") ? JSON.convertValue(bar.get("onset_excluded_temperatures"), List.class) : List.of());
        Path kicksErr = root.resolve("correlations").resolve("kicks-error.json");
        if (Files.isRegularFile(kicksErr)) sum.put("kicks_error", JSON.readTree(kicksErr.toFile()).get("reason").asText());

        // the kick parameters the TRSP run used (fitted, or the preset's when the fitted ones were refused)
        JsonNode ks = JSON.readTree(root.resolve("trsp").resolve("kick-source.json").toFile());
        Path used = root.resolve("trsp").resolve("model-parameters-trsp.json");
        ModelParameters kp = Files.isRegularFile(used) ? ModelParameters.read(used) : params;
        Map<String, Object> kicks = new LinkedHashMap<>();
        kicks.put("source", ks.get("source").asText());
        kicks.put("reason", ks.get("reason").isNull() ? null : ks.get("reason").asText());
        kicks.put("sigmaDelta", Csv.map("c0", kp.sigmaDelta().c0(), "c1", kp.sigmaDelta().c1(), "xi", kp.sigmaDelta().xi()));
        kicks.put("rhoDelta", Csv.map("c0", kp.rhoDelta().c0(), "c1", kp.rhoDelta().c1(), "xi", kp.rhoDelta().xi()));
        sum.put("trsp_kicks", kicks);
        fitted.add(new String[] {"TRSP kicks σ_Δ, ρ_Δ", ks.get("source").asText(), "",
                ks.get("reason").isNull() ? "the fitted σ_Δ(r), ρ_Δ(r) above"
                        : sum.containsKey("kicks_error") ? "no fitted ones: the ΔS statistics were not fitted (row below)"
                        : "fitted ones not usable: " + ks.get("reason").asText()});
        Path csSource = root.resolve("trsp").resolve("cs-source.json");
        if (Files.isRegularFile(csSource)) {
            JsonNode cs = JSON.readTree(csSource.toFile());
            sum.put("trsp_cs", Csv.map("source", cs.get("source").asText(), "c1_fitted", num(cs.get("c1_fitted")), "c1_used", num(cs.get("c1_used"))));
            if (!"fitted".equals(cs.get("source").asText())) {
                fitted.add(new String[] {"TRSP C_S(r) c1", fmt(cs.get("c1_used").asDouble()), "", "fitted " + fmt(cs.get("c1_fitted").asDouble())
                        + " is not positive definite on the lattice; " + cs.get("source").asText()});
            }
        }
        if (sum.containsKey("kicks_error")) fitted.add(new String[] {"ΔS statistics", "not fitted", "", (String) sum.get("kicks_error")});
        if (!((List<?>) sum.get("onset_excluded_temperatures")).isEmpty()) {
            fitted.add(new String[] {"temperatures left out of the onset fit", String.valueOf(sum.get("onset_excluded_temperatures")), "",
                    "found at or above T0"});
        }

        // per-bin Arrhenius fits
        Table arr = Table.read(root.resolve("barriers").resolve("arrhenius.csv"));
        List<String[]> bins = new ArrayList<>();
        for (int i = 0; i < arr.rows(); i++) {
            bins.add(new String[] {fmt(arr.col("mean")[i]), fmt(arr.col("delta_e")[i]), fmt(arr.col("delta_e_err")[i]),
                    fmt(arr.col("sigma")[i]), fmt(arr.col("sigma_err")[i])});
        }
        sum.put("arrhenius_bins", arr.rows());

        // <S>(T): MD vs trap
        Table eq = Table.read(root.resolve("trap").resolve("equilibrium").resolve("equilibrium.csv"));
        Map<Double, double[]> mom = new LinkedHashMap<>();
        for (JsonNode m : bar.get("moments")) mom.put(m.get("T").asDouble(), new double[] {m.get("mean").asDouble(), m.get("std").asDouble()});
        Table relaxSum = Table.read(root.resolve("trap").resolve("relax").resolve("relax_summary.csv"));
        Table relax = Table.read(root.resolve("trap").resolve("relax").resolve("relax.csv"));
        Table trspSum = Table.read(root.resolve("trsp").resolve("summary.csv"));
        Table trspQ = Table.read(root.resolve("trsp").resolve("overlap.csv"));
        List<Map<String, Object>> cmp = new ArrayList<>();
        List<String> figs = new ArrayList<>();
        double[] invT = new double[ts.length], sMd = new double[ts.length], sStd = new double[ts.length], sTrap = new double[ts.length];
        double[] tauMd = new double[ts.length], tauTrap = new double[ts.length], tauTrsp = new double[ts.length], tauA = new double[ts.length];
        double[] tauPersist = new double[ts.length];
        double[][][] persistCurves = new double[ts.length][][];   // {t, Q} of the p_hop persistence
        JsonNode[] persist = new JsonNode[ts.length];
        MdOverlap[] mdo = new MdOverlap[ts.length];
        double[][][] trapCurves = new double[ts.length][][], trspCurves = new double[ts.length][][];
        for (int k = 0; k < ts.length; k++) {
            double t = ts[k];
            invT[k] = 1 / t;
            double[] ms = mom.getOrDefault(t, new double[] {Double.NaN, Double.NaN});
            sMd[k] = ms[0];
            sStd[k] = ms[1];
            sTrap[k] = trapMeanS(params, t);
            // the MD Q(t), χ4(t) of the comparison: the inherent-state overlap (002 §VII A, DESIGN §7b),
            // not the p_hop persistence (kept under its own name: tau_persist_md, …)
            mdo[k] = mdOverlap(t);
            Path pd = root.resolve("observables").resolve(PipelinePreset.label(t)).resolve("persistence");
            Table pq = Table.read(pd.resolve("persistence.csv"));
            persist[k] = JSON.readTree(pd.resolve("persistence.json").toFile());
            persistCurves[k] = new double[][] {pq.col("t"), pq.col("Q")};
            tauPersist[k] = num(persist[k].get("tau_Q"));
            trapCurves[k] = relax.where("T", t, "t", "Q", "chi4");
            trspCurves[k] = trspQ.where("T", t, "t", "Q", "chi4");
            tauMd[k] = mdo[k].tauQ();
            tauTrap[k] = relaxSum.col("tau_Q")[relaxSum.find("T", t)];
            tauTrsp[k] = org.softglass.core.rearrange.Persistence.tauQ(trspCurves[k][0], trspCurves[k][1]);
            tauA[k] = md.get(k).get("tau_alpha_fs02") instanceof Double d ? d : Double.NaN;
        }
        double[] tauMdErr = java.util.Arrays.stream(mdo).mapToDouble(MdOverlap::tauQErr).toArray();
        PipelineMatching match = PipelineMatching.of(ts, tauMd, tauMdErr, tauTrap, tauTrsp);
        sum.put("time_matching", match.asMap());
        for (int k = 0; k < ts.length; k++) {
            double t = ts[k];
            int rs = relaxSum.find("T", t), ss = trspSum.find("T", t);
            double tauChiTrap = relaxSum.col("tau_chi")[rs], tauChiTrsp = trspSum.col("tau_chi")[ss];
            Map<String, Object> row = Csv.map("T", t, "mean_s_md", sMd[k], "std_s_md", sStd[k], "mean_s_trap", sTrap[k],
                    "tau_Q_md", fin(tauMd[k]), "tau_Q_trap", fin(tauTrap[k]), "tau_Q_trsp", fin(tauTrsp[k]),
                    "chi4_star_md", fin(mdo[k].chi4Star()), "tau_chi_md", fin(mdo[k].tauChi()),
                    "tau_chi_md_resolved", mdo[k].tauChiResolved(),
                    "chi4_star_trap", fin(relaxSum.col("chi4_star")[rs]), "tau_chi_trap", fin(tauChiTrap),
                    "chi4_star_trsp", fin(trspSum.col("chi4_star")[ss]), "tau_chi_trsp", fin(tauChiTrsp),
                    "xi4_md", fin(mdo[k].xi4()), "xi4_md_err", fin(mdo[k].xi4Err()), "xi4_trsp", fin(trspSum.col("xi4")[ss]),
                    "tau_persist_md", fin(tauPersist[k]), "chi4_star_persist_md", fin(num(persist[k].get("chi4_star"))),
                    "tau_chi_persist_md", fin(num(persist[k].get("tau_chi"))));
            row.putAll(match.matchedRow(tauTrap[k], tauChiTrap, tauTrsp[k], tauChiTrsp));
            cmp.add(row);
            String label = PipelinePreset.label(t);
            comparisonFigures(dir, t, mdo[k], persistCurves[k], trapCurves[k], trspCurves[k], match);
            figs.add(label);
        }
        sum.put("comparison", cmp);
        sum.put("block_chi4_star", blockCollapse(ts, cmp, trspSum, dir));
        sum.put("md_overlap", Csv.map("quantity", "inherent-state overlap, 002 eqs 31-34: I_i = 1 while |r_i(t0+t') - r_i(t0)| < a",
                "a", fin(mdo.length == 0 ? Double.NaN : mdo[0].a()), "species", "A", "positions", preset.inherent() ? "inherent structures" : "thermal",
                "note", preset.inherent() ? null : "the preset makes no inherent structures: the MD overlap is on thermal positions, not the papers' IS overlap"));
        double[] eqInv = eq.col("inv_T"), eqS = eq.col("mean_s");
        Plot.xy("<S> vs 1/T: MD and the trap model", "1/T", "<S>").errors("MD (bars: sigma_S)", invT, sMd, sStd)
                .line("trap model equilibrium (000 eq 10)", eqInv, eqS)
                .line("MD fit a + b/T", invT, java.util.Arrays.stream(invT).map(x -> mf.get("a").asDouble() + mf.get("b").asDouble() * x).toArray())
                .save(dir.resolve("mean_s.png"));
        Plot tp = Plot.xy("Relaxation times vs 1/T (models: raw, and matched at the reference T)", "1/T", "time (tau)").logY();
        addFinite(tp, "MD tau_Q (" + (preset.inherent() ? "IS" : "thermal") + " overlap)", invT, tauMd);
        addFinite(tp, "MD tau (p_hop persistence, not Q)", invT, tauPersist);
        addFinite(tp, "MD tau_alpha (F_s = 0.2)", invT, tauA);
        addFinite(tp, "trap tau_Q raw", invT, tauTrap);
        addFinite(tp, "TRSP tau_Q raw", invT, tauTrsp);
        if (match.trap() != null) addFinite(tp, "trap tau_Q matched (/" + fmt(match.trap().factor()) + ")", invT, match.trap().matchedTimes(tauTrap));
        if (match.trsp() != null) addFinite(tp, "TRSP tau_Q matched (/" + fmt(match.trsp().factor()) + ")", invT, match.trsp().matchedTimes(tauTrsp));
        tp.save(dir.resolve("tau.png"));

        // detailed balance of the TRSP run
        Table db = Table.read(root.resolve("trsp").resolve("detailed_balance.csv"));
        List<Map<String, Object>> dbs = new ArrayList<>();
        for (double t : ts) {
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
        sum.put("detailed_balance", dbs);

        // stage timings
        Map<String, Object> stages = new LinkedHashMap<>();
        try (var s = Files.list(root.resolve("stages"))) {
            // the records only: not the lock files of batch items (.KEY.json.lock) or temporary files
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                JsonNode j = JSON.readTree(p.toFile());
                String name = p.getFileName().toString().replace(".json", "");
                if (!name.startsWith("report")) stages.put(name, j.get("seconds").asDouble());
            }
        }
        sum.put("stage_seconds", stages);

        // copy the stage figures
        Object[][] copies = {{"barriers/prs.png", "prs.png"}, {"barriers/barriers.png", "barriers.png"}, {"correlations/cs.png", "cs.png"},
                {"correlations/kicks.png", "kicks.png"}, {"trsp/detailed_balance.png", "detailed_balance.png"}, {"train/model/model.png", "model.png"}};
        List<String> copied = new ArrayList<>();
        for (Object[] c : copies) {
            Path src = root.resolve((String) c[0]);
            if (Files.isRegularFile(src)) {
                Files.copy(src, dir.resolve((String) c[1]), StandardCopyOption.REPLACE_EXISTING);
                copied.add((String) c[1]);
            }
        }
        if (collapseDrawn) copied.add("block_collapse.png");
        Csv.json(dir.resolve("summary.json"), sum);
        if (dir.toAbsolutePath().normalize().equals(root.resolve("report").toAbsolutePath().normalize())) {
            sum.put("published", published(dir));
            Csv.json(dir.resolve("summary.json"), sum);
        }
        String html = PipelineHtml.page(preset, sum, fitted, bins, cmp, dbs, figs, copied);
        AtomicOutput.write(dir.resolve("index.html"), o -> o.write(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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

    /**
     * The block χ4* of MD and TRSP on the same footing (002 App. H, Figs 13–16): per T, χ4*(ℓ) of the
     * sub-boxes of side ℓ (MD: {@code observables/T…/overlap/overlap.json} blocks, σ; TRSP: the peak
     * ({@link org.softglass.core.trsp.TrspAnalysis#peak}) of each ℓ's χ4,ℓ(t) in {@code trsp/block_chi4.csv},
     * lattice units, plus ℓ = L, the whole lattice), drawn as χ4*(ℓ)/χ4*(L) against ℓ/ξ4(T) with each
     * model's own OZ ξ4 at that T ({@code block_collapse.png}). Returns the numbers for summary.json.
     */
    private List<Map<String, Object>> blockCollapse(double[] ts, List<Map<String, Object>> cmp, Table trspSum, Path dir) throws IOException {
        Table tb = Table.read(root.resolve("trsp").resolve("block_chi4.csv"));
        Plot p = Plot.xy("Block chi4*(ell)/chi4*(L) vs ell/xi4 (002 App. H): MD overlap and TRSP", "ell / xi4", "chi4*(ell) / chi4*(L)").logX();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int k = 0; k < ts.length; k++) {
            double t = ts[k];
            JsonNode oj = JSON.readTree(root.resolve("observables").resolve(PipelinePreset.label(t)).resolve("overlap").resolve("overlap.json").toFile());
            List<Double> mdEll = new ArrayList<>(), mdStar = new ArrayList<>();
            for (JsonNode b : oj.path("blocks")) {
                mdEll.add(b.get("ell").asDouble());
                mdStar.add(num(b.get("chi4_star")));
            }
            double[][] rows = tb.where("T", t, "ell", "t", "chi4");
            java.util.TreeMap<Double, double[]> trsp = new java.util.TreeMap<>();
            for (double ell : java.util.Arrays.stream(rows[0]).distinct().toArray()) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < rows[0].length; i++) if (rows[0][i] == ell && rows[1][i] > 0 && Double.isFinite(rows[2][i])) pts.add(new double[] {rows[1][i], rows[2][i]});
                if (pts.size() < 1) continue;
                double[] pk = org.softglass.core.trsp.TrspAnalysis.peak(pts.stream().mapToDouble(a -> a[0]).toArray(), pts.stream().mapToDouble(a -> a[1]).toArray());
                trsp.put(ell, new double[] {pk[1]});
            }
            int ss = trspSum.find("T", t);
            trsp.put((double) preset.trspSide(), new double[] {trspSum.col("chi4_star")[ss]});
            double xiMd = num(oj.get("xi4")), starMd = num(oj.get("chi4_star")), xiTrsp = trspSum.col("xi4")[ss], starTrsp = trspSum.col("chi4_star")[ss];
            if (xiMd > 0 && starMd > 0 && mdStar.stream().anyMatch(c -> c > 0)) {
                addFinite(p, "MD T = " + Csv.fmt(t), mdEll.stream().mapToDouble(e -> e / xiMd).toArray(), mdStar.stream().mapToDouble(c -> c / starMd).toArray());
                collapseDrawn = true;
            }
            if (xiTrsp > 0 && starTrsp > 0) {
                addFinite(p, "TRSP T = " + Csv.fmt(t), trsp.keySet().stream().mapToDouble(e -> e / xiTrsp).toArray(),
                        trsp.values().stream().mapToDouble(c -> c[0] / starTrsp).toArray());
                collapseDrawn = true;
            }
            out.add(Csv.map("T", t, "md_ell", mdEll, "md_chi4_star", mdStar.stream().map(PipelineReport::fin).toList(), "md_xi4", fin(xiMd),
                    "trsp_ell", List.copyOf(trsp.keySet()), "trsp_chi4_star", trsp.values().stream().map(c -> fin(c[0])).toList(), "trsp_xi4", fin(xiTrsp)));
        }
        if (collapseDrawn) p.save(dir.resolve("block_collapse.png"));
        return out;
    }

    /**
     * Where the MD overlap of each temperature is read: {@code observables/T…/MD_OVERLAP/MD_OVERLAP.csv}
     * (columns t, Q, chi4; first row t = 0) and {@code MD_OVERLAP.json} (tau_Q, tau_Q_err, tau_chi,
     * chi4_star, chi4_star_err, tau_chi_resolved, xi4, xi4_err, a), written by {@link OverlapCommand}: the
     * inherent-state overlap of 002 §VII A. The only place that names the MD source of τ_Q, and so of
     * the time-scale matching ({@link PipelineMatching}).
     */
    static final String MD_OVERLAP = "overlap";

    /**
     * The MD overlap at one temperature.
     *
     * @param t lag times (τ), first 0
     * @param q Q(t)
     * @param chi4 χ4(t)
     * @param tauQ τ_Q (Q = 1/e), NaN where not reached
     * @param tauQErr its 1σ error (jackknife over blocks of origins), NaN where the file gives none
     * @param tauChi τ_χ
     * @param chi4Star χ4*
     * @param tauChiResolved whether the χ4 peak lies inside the lag grid (else τ_χ is only a bound)
     * @param xi4 ξ4 (σ) of the OZ fit of S4, NaN where none
     * @param xi4Err its jackknife error
     * @param a the displacement threshold (σ)
     */
    record MdOverlap(double[] t, double[] q, double[] chi4, double tauQ, double tauQErr, double tauChi, double chi4Star,
                     boolean tauChiResolved, double xi4, double xi4Err, double a) {}

    /** The MD overlap at T, from {@link #MD_OVERLAP}. */
    MdOverlap mdOverlap(double t) throws IOException {
        Path d = root.resolve("observables").resolve(PipelinePreset.label(t)).resolve(MD_OVERLAP);
        Table c = Table.read(d.resolve(MD_OVERLAP + ".csv"));
        JsonNode j = JSON.readTree(d.resolve(MD_OVERLAP + ".json").toFile());
        return new MdOverlap(c.col("t"), c.col("Q"), c.col("chi4"), num(j.get("tau_Q")), num(j.get("tau_Q_err")), num(j.get("tau_chi")),
                num(j.get("chi4_star")), j.path("tau_chi_resolved").asBoolean(false), num(j.get("xi4")), num(j.get("xi4_err")), num(j.get("a")));
    }

    /**
     * Q(t) and χ4(t) at one temperature: the MD curve (and, on Q, the p_hop persistence for reference), each model's raw curve (sparse markers) and its
     * matched curve t → t/f (line) where the model was matched.
     */
    private void comparisonFigures(Path dir, double t, MdOverlap md, double[][] persist, double[][] trap, double[][] trsp, PipelineMatching match)
            throws IOException {
        String label = PipelinePreset.label(t);
        for (int y = 1; y <= 2; y++) {
            String name = y == 1 ? "Q" : "chi4";
            Plot p = Plot.xy(name + "(t) at T = " + Csv.fmt(t) + " (model markers: raw; lines: matched)", "t (tau)", name).logX()
                    .line("MD overlap (" + (preset.inherent() ? "IS" : "thermal") + ", a = " + Csv.fmt(md.a()) + ")", positive(md.t()), y == 1 ? md.q() : md.chi4());
            if (match.trap() != null) p.line("trap matched (t / " + fmt(match.trap().factor()) + ")", match.trap().matchedTimes(trap[0]), trap[y]);
            if (match.trsp() != null) p.line("TRSP matched (t / " + fmt(match.trsp().factor()) + ")", match.trsp().matchedTimes(trsp[0]), trsp[y]);
            double[][] tr = thin(trap[0], trap[y], 30), tp = thin(trsp[0], trsp[y], 30);
            p.points("trap raw" + (y == 2 ? " (m = 1)" : ""), tr[0], tr[1]).points("TRSP raw", tp[0], tp[1]);
            // last, so MD, trap and TRSP keep the same colours in the Q and χ4 figures
            if (y == 1) p.line("MD p_hop persistence (p_hop > " + Csv.fmt(preset.pR()) + "; not Q)", positive(persist[0]), persist[1]);
            p.save(dir.resolve((y == 1 ? "q_" : "chi4_") + label + ".png"));
        }
    }

    /** About n points of a curve, evenly spaced in index (the raw model curves are drawn as markers). */
    private static double[][] thin(double[] x, double[] y, int n) {
        int step = Math.max(1, x.length / n);
        int m = (x.length + step - 1) / step;
        double[][] r = new double[2][m];
        for (int i = 0, k = 0; i < x.length; i += step, k++) {
            r[0][k] = x[i];
            r[1][k] = y[i];
        }
        return r;
    }

    /** ⟨S⟩ of the trap model's equilibrium at T (000 eq 10): mean of P_T(S) ∝ ϱ(S)/P(R|S,T). */
    static double trapMeanS(ModelParameters p, double t) {
        return org.softglass.core.trap.TrapModel.of(p).meanS(t);
    }

    private static void addFinite(Plot p, String name, double[] x, double[] y) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) if (Double.isFinite(y[i]) && y[i] > 0) pts.add(new double[] {x[i], y[i]});
        if (pts.isEmpty()) return;
        p.points(name, pts.stream().mapToDouble(a -> a[0]).toArray(), pts.stream().mapToDouble(a -> a[1]).toArray());
    }

    /** t = 0 cannot sit on a log axis: the first lag (t = 0, Q = 1) is shifted to half the second. */
    private static double[] positive(double[] t) {
        double[] r = t.clone();
        if (r.length > 1 && r[0] <= 0) r[0] = r[1] / 2;
        return r;
    }

    private static String err(ModelParameters p, String key) {
        Double e = p.errors().get(key);
        return e == null ? "" : fmt(e);
    }

    static String fmt(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a"; }

    private static Double fin(double v) { return Double.isFinite(v) ? v : null; }

    private static double num(JsonNode n) { return n == null || n.isNull() || !n.isNumber() ? Double.NaN : n.asDouble(); }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** A CSV file with a header row, as columns of doubles (non-numbers read as NaN). */
    record Table(List<String> header, List<double[]> data) {
        static Table read(Path f) throws IOException {
            org.softglass.core.io.CsvRows.Table t = org.softglass.core.io.CsvRows.readTable(f);
            List<double[]> rows = new ArrayList<>();
            for (String[] p : t.rows()) {
                double[] r = new double[p.length];
                for (int i = 0; i < r.length; i++) {
                    try {
                        r[i] = Double.parseDouble(p[i]);
                    } catch (NumberFormatException e) {
                        r[i] = Double.NaN;
                    }
                }
                rows.add(r);
            }
            return new Table(t.header(), rows);
        }

        int rows() { return data.size(); }

        double[] col(String name) {
            int k = header.indexOf(name);
            if (k < 0) throw new IllegalStateException("column '" + name + "' missing (have " + header + ")");
            return data.stream().mapToDouble(r -> r[k]).toArray();
        }

        /** Index of the first row whose column equals v (to 1e-9), or an error. */
        int find(String name, double v) {
            double[] c = col(name);
            for (int i = 0; i < c.length; i++) if (Math.abs(c[i] - v) < 1e-9) return i;
            throw new IllegalStateException("no row with " + name + " = " + v);
        }

        /** The given columns of the rows whose {@code key} column equals v (to 1e-9). */
        double[][] where(String key, double v, String... cols) {
            double[] kc = col(key);
            double[][] all = new double[cols.length][];
            for (int j = 0; j < cols.length; j++) all[j] = col(cols[j]);
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < kc.length; i++) if (Math.abs(kc[i] - v) < 1e-9) idx.add(i);
            double[][] r = new double[cols.length][idx.size()];
            for (int j = 0; j < cols.length; j++) for (int i = 0; i < idx.size(); i++) r[j][i] = all[j][idx.get(i)];
            return r;
        }
    }
}
