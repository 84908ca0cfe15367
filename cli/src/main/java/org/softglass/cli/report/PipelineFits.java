package org.softglass.cli.report;

import static org.softglass.cli.report.ReportNumbers.fmt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.cli.Csv;
import org.softglass.cli.pipeline.PipelinePreset;
import org.softglass.cli.pipeline.KicksError;
import org.softglass.core.params.ModelParameters;
import org.softglass.study.barriers.BarriersSummary;
import org.softglass.study.barriers.OnsetSource;
import org.softglass.study.softness.ModelTraining;
import org.softglass.study.trsp.CsSource;
import org.softglass.study.trsp.KickSource;

/**
 * The fitted parameters of a pipeline run, as its report gives them: summary.json's {@code softness_model}
 * (the SVM, {@code train/model/model.json}), {@code onset_fit} (ΔE(S), Σ(S), T0 of
 * {@code barriers/barriers.json}, or the preset's values where the fit was refused), {@code mean_s_fit},
 * {@code parameters} ({@code correlations/model-parameters.json}: ϱ(S), τ_R, C_S, σ_Δ, ρ_Δ),
 * {@code onset_excluded_temperatures}, {@code kicks_error}, {@code trsp_kicks} (the kicks the TRSP run used)
 * and {@code trsp_cs} (the C_S(r) it used), put in that order; and the rows {name, value, error,
 * unit/meaning} of index.html's table of fitted parameters, in the order the page shows them.
 */
final class PipelineFits {
    /**
     * What the rest of the report reads again.
     *
     * @param barriers {@code barriers/barriers.json} (moments of S per T, the ⟨S⟩ = a + b/T fit)
     * @param params {@code correlations/model-parameters.json}, the trap model's parameters
     */
    record Fitted(BarriersSummary barriers, ModelParameters params) {}

    /** The onset parameters ({@link BarriersSummary.Onset5#values} order): JSON key, name in the table, meaning. */
    private static final String[][] NAMES = {{"eps0", "ε0", "ΔE(S) = ε0 + ε1 S + ε2 S²"}, {"eps1", "ε1", ""}, {"eps2", "ε2", ""},
            {"sigma0", "Σ0", "Σ(S) = Σ0 + (ε1 S + ε2 S²)/T0"}, {"t0", "T0", "onset temperature"}};

    private PipelineFits() {}

    /** Puts the summary.json keys (class comment) into {@code sum} and appends the table rows to {@code fitted}. */
    static Fitted fill(Path root, PipelinePreset preset, Map<String, Object> sum, List<String[]> fitted) throws IOException {
        // softness model
        ModelTraining model = ModelTraining.read(root.resolve("train").resolve("model").resolve("model.json"));
        sum.put("softness_model", Csv.map("samples", model.samples(), "train_accuracy", model.trainAccuracy(),
                "cv_accuracy", model.cvAccuracy(), "features", preset.features()));
        fitted.add(new String[] {"SVM cross-validated accuracy", fmt(model.cvAccuracy()), "", model.samples() + " balanced samples, 5-fold"});

        // barriers and the parameter file
        BarriersSummary bar = BarriersSummary.read(root.resolve("barriers").resolve("barriers.json"));
        sum.put("onset_fit", onset(root, bar, fitted));
        BarriersSummary.MeanFit mf = bar.meanFit();
        sum.put("mean_s_fit", Csv.map("a", mf.a(), "b", mf.b(), "a_err", mf.aErr(), "b_err", mf.bErr()));
        fitted.add(new String[] {"a of ⟨S⟩ = a + b/T", fmt(mf.a()), fmt(mf.aErr()), "MD"});
        fitted.add(new String[] {"b of ⟨S⟩ = a + b/T", fmt(mf.b()), fmt(mf.bErr()), "MD"});
        ModelParameters params = ModelParameters.read(root.resolve("correlations").resolve("model-parameters.json"));
        sum.put("parameters", parameters(params, fitted));
        sum.put("onset_excluded_temperatures", bar.onsetExcludedTemperatures() != null ? bar.onsetExcludedTemperatures() : List.of());
        Path kicksErr = root.resolve("correlations").resolve("kicks-error.json");
        if (Files.isRegularFile(kicksErr)) sum.put("kicks_error", KicksError.read(kicksErr).reason());
        trspInputs(root, params, sum, fitted);
        if (sum.containsKey("kicks_error")) fitted.add(new String[] {"ΔS statistics", "not fitted", "", (String) sum.get("kicks_error")});
        if (!((List<?>) sum.get("onset_excluded_temperatures")).isEmpty()) {
            fitted.add(new String[] {"temperatures left out of the onset fit", String.valueOf(sum.get("onset_excluded_temperatures")), "",
                    "found at or above T0"});
        }
        return new Fitted(bar, params);
    }

    /** summary.json's onset_fit: the fitted ΔE(S), Σ(S), T0 with errors and χ², or the preset's values and why the fit refused. */
    private static Map<String, Object> onset(Path root, BarriersSummary bar, List<String[]> fitted) throws IOException {
        BarriersSummary.OnsetFit on = bar.onsetFit();
        Path onsetSource = root.resolve("barriers").resolve("onset-source.json");
        OnsetSource os = Files.isRegularFile(onsetSource) ? OnsetSource.read(onsetSource) : null;
        boolean fittedOnset = os == null || os.fitted();
        Map<String, Object> onset = new LinkedHashMap<>();
        onset.put("source", fittedOnset ? OnsetSource.FITTED : os.source());
        if (fittedOnset) {
            double[] v = on.values().values(), e = on.errors().values();
            for (int i = 0; i < NAMES.length; i++) {
                onset.put(NAMES[i][0], v[i]);
                onset.put(NAMES[i][0] + "_err", e[i]);
                fitted.add(new String[] {NAMES[i][1], fmt(v[i]), fmt(e[i]), NAMES[i][2]});
            }
            onset.put("chi2", on.chi2());
            onset.put("dof", on.dof());
            // errors of a fit with χ²/dof > 1 are scaled by √(χ²/dof) (barriers, DESIGN §7b); the report says so
            boolean scaled = on.errorsScaledByChi2();
            double scale = on.errorScale() != null ? on.errorScale() : 1.0;
            onset.put("errors_scaled_by_chi2", scaled);
            onset.put("error_scale", scale);
            String blocks = bar.bootstrap() != null ? bar.bootstrap().blocks() : null;
            onset.put("bootstrap_blocks", blocks);
            fitted.add(new String[] {"χ²/dof of the onset fit", fmt(on.chi2() / on.dof()), "",
                    (scaled ? "> 1: the errors above are scaled by √(χ²/dof) = " + fmt(scale) : "≤ 1: errors not scaled")
                            + "; P(R|S) errors from a block bootstrap (" + (blocks != null ? blocks : "independent samples") + " blocks)"});
        } else {   // the fit refused: the models ran on the preset's values (Pipeline.presetOnset)
            var b = ModelParameters.read(root.resolve("barriers").resolve("model-parameters.json")).barriers();
            double[] v = {b.eps0(), b.eps1(), b.eps2(), b.sigma0(), b.t0()};
            for (int i = 0; i < NAMES.length; i++) {
                onset.put(NAMES[i][0], v[i]);
                fitted.add(new String[] {NAMES[i][1], fmt(v[i]), "", os.source() + " (not fitted)"});
            }
            onset.put("reason", os.reason());
            fitted.add(new String[] {"onset fit", "refused", "", os.reason()});
        }
        return onset;
    }

    /** summary.json's parameters: ϱ(S), τ_R and each exponential correlation the parameter file has. */
    private static Map<String, Object> parameters(ModelParameters params, List<String[]> fitted) {
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
            Object where = params.provenance().get(k);   // e.g. C_S(r) fitted at the highest T
            fitted.add(new String[] {"c0 of " + e[2], fmt(c.c0()), err(params, k + ".c0"), "value at r = 0" + (where instanceof String w ? "; " + w : "")});
            fitted.add(new String[] {"c1 of " + e[2], fmt(c.c1()), err(params, k + ".c1"), "c1 exp(−r/ξ), r > 0 (002 eq 29)"});
            fitted.add(new String[] {"ξ of " + e[2], fmt(c.xi()), err(params, k + ".xi"), "σ"});
        }
        return pj;
    }

    /**
     * summary.json's trsp_kicks (the kick parameters the TRSP run used: fitted, or the preset's when the fitted ones
     * were refused) and, where the run wrote one, trsp_cs (the C_S(r) c1 it used).
     */
    private static void trspInputs(Path root, ModelParameters params, Map<String, Object> sum, List<String[]> fitted) throws IOException {
        KickSource ks = KickSource.read(root.resolve("trsp").resolve("kick-source.json"));
        Path used = root.resolve("trsp").resolve("model-parameters-trsp.json");
        ModelParameters kp = Files.isRegularFile(used) ? ModelParameters.read(used) : params;
        Map<String, Object> kicks = new LinkedHashMap<>();
        kicks.put("source", ks.source());
        kicks.put("reason", ks.reason());
        kicks.put("sigmaDelta", Csv.map("c0", kp.sigmaDelta().c0(), "c1", kp.sigmaDelta().c1(), "xi", kp.sigmaDelta().xi()));
        kicks.put("rhoDelta", Csv.map("c0", kp.rhoDelta().c0(), "c1", kp.rhoDelta().c1(), "xi", kp.rhoDelta().xi()));
        sum.put("trsp_kicks", kicks);
        fitted.add(new String[] {"TRSP kicks σ_Δ, ρ_Δ", ks.source(), "",
                ks.reason() == null ? "the fitted σ_Δ(r), ρ_Δ(r) above"
                        : sum.containsKey("kicks_error") ? "no fitted ones: the ΔS statistics were not fitted (row below)"
                        : "fitted ones not usable: " + ks.reason()});
        Path csSource = root.resolve("trsp").resolve("cs-source.json");
        if (Files.isRegularFile(csSource)) {
            CsSource cs = CsSource.read(csSource);
            sum.put("trsp_cs", Csv.map("source", cs.source(), "c1_fitted", cs.c1Fitted(), "c1_used", cs.c1Used()));
            if (!cs.fitted()) {
                fitted.add(new String[] {"TRSP C_S(r) c1", fmt(cs.c1Used()), "", "fitted " + fmt(cs.c1Fitted())
                        + " is not positive definite on the lattice; " + cs.source()});
            }
        }
    }

    private static String err(ModelParameters p, String key) {
        Double e = p.errors().get(key);
        return e == null ? "" : fmt(e);
    }
}
