package org.softglass.study.mesoelastic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.softglass.core.dynamics.SelfDynamics;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.Refusal;
import org.softglass.study.StudyContext;

/**
 * Pools several complete {@link MesoelasticWorkflowStudy} runs that differ only in their seed (independent trajectories
 * and structures at the same parent temperatures: the way to paper 004's ensembles, Table II, e.g. 10 000 IPL structures
 * per T_p, from jobs of a cluster) into one table, eq 3 fit and set of figures, as if one study had computed them all.
 *
 * <p><b>Per parent temperature</b>, from every run's {@code T…/elastic/structures.csv}, {@code dipoles.csv} and
 * {@code fs/fs.csv}:
 * <ul>
 *   <li>⟨κ⟩ and ⟨G⟩: the mean over the structures of all runs of each structure's mean κ_ij and its G, with the standard
 *       error over those structures (independent: each run's are, and the runs' trajectories are), as one study
 *       computes them over its own structures; the median of every κ_ij of every run;</li>
 *   <li>F_s(q, t): the mean of the runs' F_s at each lag (every run has the same N, so the same weight), and τ_α where
 *       that mean first reaches 0.2 ({@link SelfDynamics#relaxationTime}, as for one trajectory: 004 Sec. II B); its
 *       error the standard error of the runs' own τ_α over the R independent runs, s_{R−1}/√R (undefined, with a
 *       warning, where a run has no τ_α).</li>
 * </ul>
 * Runs must agree on every parameter of their {@code manifest.json} but the seed and the thread count, have distinct
 * seeds (the same seed would count the same structures twice), be complete ({@code row.json} at every temperature) and
 * share the lag grid of F_s; otherwise the pool is refused naming the run and the parameter before anything is written.
 *
 * <p>Writes into DIR what {@link MesoelasticWorkflowStudy} writes besides the per-run data: {@code table.csv},
 * {@code mesoelastic_fit.json}, {@code published_vs_measured.csv}, the figures, {@code manifest.json} (the runs as
 * inputs), and per temperature {@code T…/row.json} and {@code T…/fs/fs.csv} (t, t/t0, the pooled F_s). The pool reads
 * only finished files, so it can be rerun as more runs finish; the same runs give the same files (manifest aside).
 */
public final class MesoelasticPool {
    private MesoelasticPool() {}

    /** The parameters of a run's {@code manifest.json} that may differ between pooled runs. */
    static final List<String> FREE = List.of("seed", "threads");

    /**
     * @param rows     one per temperature, highest first, pooled over the runs
     * @param fit      the fit of eq 3 with the published constants (its {@link WorkflowFit#refusal} says why there is none)
     * @param runs     the runs pooled
     * @param warnings one line per temperature whose pooled τ_α or its error is undefined
     */
    public record Result(List<TemperatureRow> rows, WorkflowFit fit, int runs, List<String> warnings) {}

    /** The part of a study's {@code manifest.json} the pool reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RunManifest(@JsonProperty("command") String command, @JsonProperty("parameters") Map<String, Object> parameters) {}

    /** Pools the complete studies in {@code runs} into {@code outDir} (class comment). */
    public static Result run(List<Path> runs, Path outDir, StudyContext ctx) throws IOException {
        if (runs.size() < 2) throw new InvalidParameter("{runs} must name at least 2 study directories to pool, got " + runs.size());
        Map<String, Object> params = parameters(runs);
        List<Double> temperatures = ((List<?>) params.get("temperatures")).stream().map(v -> ((Number) v).doubleValue()).toList();
        for (Path r : runs) {
            for (double t : temperatures) {
                Path row = r.resolve(MesoelasticWorkflowStudy.label(t)).resolve("row.json");
                if (!Files.isRegularFile(row)) {
                    throw new Refusal(row + " is missing: that study has not finished T = " + t + "; rerun its mesoelastic-study command first");
                }
            }
        }
        Files.createDirectories(outDir);
        List<TemperatureRow> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (StudyContext.Meter meter = ctx.progress().start("mesoelastic-pool", temperatures.size(), "temperatures")) {
            for (int k = 0; k < temperatures.size(); k++) {
                TemperatureRow row = pool(runs, temperatures.get(k), outDir.resolve(MesoelasticWorkflowStudy.label(temperatures.get(k))));
                if (row.warning() != null) warnings.add("T = " + temperatures.get(k) + ": " + row.warning());
                rows.add(row);
                meter.stepTo(k + 1);
            }
        }
        String model = (String) params.get("model");
        double density = ((Number) params.get("density")).doubleValue(), minTauT0 = ((Number) params.get("min_tau_over_t0")).doubleValue();
        MesoelasticWorkflowStudy.Outputs o = MesoelasticWorkflowStudy.writeOutputs(model, density, minTauT0, rows, outDir);
        Manifest m = new Manifest(ctx.version(), "mesoelastic-pool");
        for (Map.Entry<String, Object> e : params.entrySet()) if (!FREE.contains(e.getKey())) m.param(e.getKey(), e.getValue());
        m.param("runs", runs.stream().map(Path::toString).toList());
        for (Path r : runs) m.input(r.resolve("manifest.json"));
        for (Path p : o.files()) m.output(p);
        m.result("ell_tilde", o.fit().ellTilde()).result("t_tilde", o.fit().tTilde()).result("fit_refusal", o.fit().refusal())
                .write(outDir.resolve("manifest.json"));
        return new Result(List.copyOf(rows), o.fit(), runs.size(), List.copyOf(warnings));
    }

    /** The runs' common parameters, or a refusal naming the first run and parameter that differ. */
    static Map<String, Object> parameters(List<Path> runs) throws IOException {
        Map<String, Object> first = null;
        Map<Object, Path> seeds = new LinkedHashMap<>();
        for (Path r : runs) {
            Path mf = r.resolve("manifest.json");
            if (!Files.isRegularFile(mf)) throw new Refusal(mf + " is missing: " + r + " is not a finished mesoelastic-study directory");
            RunManifest rm = JsonFile.read(mf, RunManifest.class);
            if (!"mesoelastic-study".equals(rm.command()) || rm.parameters() == null) {
                throw new Refusal(mf + " is the manifest of '" + rm.command() + "', expected one of mesoelastic-study");
            }
            Path twin = seeds.putIfAbsent(rm.parameters().get("seed"), r);
            if (twin != null) {
                throw new Refusal(twin + " and " + r + " have the same seed " + rm.parameters().get("seed")
                        + ": they hold the same structures; pool studies run with different --seed");
            }
            if (first == null) {
                first = rm.parameters();
                continue;
            }
            for (String key : union(first.keySet(), rm.parameters().keySet())) {
                if (FREE.contains(key) || Objects.equals(first.get(key), rm.parameters().get(key))) continue;
                throw new Refusal(r + " differs from " + runs.getFirst() + " in " + key + " (" + rm.parameters().get(key) + " against "
                        + first.get(key) + "): only studies that differ in --seed can be pooled");
            }
        }
        return first;
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        List<String> u = new ArrayList<>(a);
        for (String k : b) if (!a.contains(k)) u.add(k);
        return u;
    }

    /** The pooled row of temperature {@code t}, written with its pooled F_s into {@code dir}. */
    private static TemperatureRow pool(List<Path> runs, double t, Path dir) throws IOException {
        String label = MesoelasticWorkflowStudy.label(t);
        List<Double> kappaPerStructure = new ArrayList<>(), gPerStructure = new ArrayList<>(), kappas = new ArrayList<>();
        double[] time = null, tOverT0 = null, fsSum = null;
        double[] tauPerRun = new double[runs.size()];
        List<String> keys = new ArrayList<>();
        TemperatureRow first = null;
        for (int r = 0; r < runs.size(); r++) {
            Path d = runs.get(r).resolve(label);
            TemperatureRow row = TemperatureRow.read(d.resolve("row.json"));
            if (first == null) first = row;
            keys.add(row.key());
            tauPerRun[r] = TemperatureRow.nan(row.tauAlpha());
            CsvRows.Table s = CsvRows.readTable(d.resolve("elastic/structures.csv"));
            for (double v : column(s, "kappa_mean")) kappaPerStructure.add(v);
            for (double v : column(s, "G")) gPerStructure.add(v);
            for (double v : column(CsvRows.readTable(d.resolve("elastic/dipoles.csv")), "kappa")) kappas.add(v);
            CsvRows.Table fs = CsvRows.readTable(d.resolve("fs/fs.csv"));
            double[] ti = column(fs, "t"), fi = column(fs, "fs");
            if (time == null) {
                time = ti;
                tOverT0 = column(fs, "t_over_t0");
                fsSum = new double[fi.length];
            } else if (!Arrays.equals(time, ti)) {
                throw new Refusal(d.resolve("fs/fs.csv") + " has other lags than " + runs.getFirst().resolve(label).resolve("fs/fs.csv")
                        + ": F_s cannot be averaged; pool studies that differ only in --seed");
            }
            for (int k = 0; k < fi.length; k++) fsSum[k] += fi[k];
        }
        double[] fsMean = new double[fsSum.length];
        for (int k = 0; k < fsMean.length; k++) fsMean[k] = fsSum[k] / runs.size();
        Files.createDirectories(dir.resolve("fs"));
        List<Object[]> fsRows = new ArrayList<>();
        for (int k = 0; k < fsMean.length; k++) fsRows.add(new Object[] {time[k], tOverT0[k], fsMean[k]});
        CsvRows.write(dir.resolve("fs/fs.csv"), "t,t_over_t0,fs", fsRows);

        String warning = null;
        Double tau = null, tauErr = null;
        try {
            tau = SelfDynamics.relaxationTime(time, fsMean, 0.2);
        } catch (Refusal e) {
            warning = "the pooled F_s: " + e.getMessage();
        }
        if (tau != null) {
            long missing = Arrays.stream(tauPerRun).filter(Double::isNaN).count();
            if (missing > 0) warning = missing + " of " + runs.size() + " runs have no tau_alpha of their own: no error of the pooled tau_alpha; run longer";
            else tauErr = JsonFile.finite(Descriptive.standardError(tauPerRun));
        }
        double[] km = unbox(kappaPerStructure), gs = unbox(gPerStructure);
        String key = Manifest.sha256(String.join("|", keys).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        TemperatureRow row = new TemperatureRow(key, t, tau, tauErr, tau == null ? null : tau / first.t0(), first.t0(), first.q(), first.type(),
                Descriptive.mean(km), JsonFile.finite(Descriptive.standardError(km)), Descriptive.median(unbox(kappas)), Descriptive.mean(gs),
                JsonFile.finite(Descriptive.standardError(gs)), km.length, kappas.size(), warning);
        JsonFile.write(dir.resolve("row.json"), row);
        return row;
    }

    private static double[] column(CsvRows.Table t, String name) {
        int c = t.column(name);
        if (c < 0) throw new Refusal(t.source() + " has no column " + name + "; expected the file a mesoelastic-study writes");
        double[] v = new double[t.rows().size()];
        for (int k = 0; k < v.length; k++) {
            try {
                v[k] = Double.parseDouble(t.rows().get(k)[c]);
            } catch (NumberFormatException e) {
                throw t.error(k, "column " + name + ": '" + t.rows().get(k)[c] + "' is not a number");
            }
        }
        return v;
    }

    private static double[] unbox(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).toArray(); }
}
