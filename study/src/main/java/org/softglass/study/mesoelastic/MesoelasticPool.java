package org.softglass.study.mesoelastic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.softglass.core.dynamics.SelfDynamics;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.ManifestRecord;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.Refusal;
import org.softglass.study.StudyContext;

/**
 * Pools several complete {@link MesoelasticWorkflowStudy} runs that differ only in their seed (independent trajectories
 * and structures at the same parent temperatures: the way to paper 004's ensembles, Table II, e.g. 10 000 IPL structures
 * per T_p, from jobs of a cluster) into one table, eq 3 fit and set of figures, as if one study had computed them all.
 *
 * <p><b>Per parent temperature</b>, from every run's {@code T…/row.json}, {@code T…/elastic/structures.csv},
 * {@code dipoles.csv} and {@code fs/fs.csv}:
 * <ul>
 *   <li>⟨κ⟩ and ⟨G⟩: the mean over the structures of all runs of each structure's mean κ_ij and its G (every run has
 *       the same number of structures and dipoles), with the standard error over those structures, as one study
 *       computes them over its own; the median of every κ_ij of every run. The standard error treats the structures as
 *       independent, as {@link MesoelasticWorkflowStudy} does: structures of different runs are, but structures of one
 *       trajectory spaced less than τ_α apart are correlated, and the error then understates the spread;</li>
 *   <li>F_s(q, t): the mean of the runs' F_s at each lag (every run has the same N and frames, so the same weight), and
 *       τ_α where that mean first reaches 0.2 ({@link SelfDynamics#relaxationTime}, as for one trajectory: 004 Sec. II B).
 *       Its error is the larger of two estimates: the standard error of the runs' own τ_α over the R independent runs,
 *       s_{R−1}/√R (R − 1 degrees of freedom: with 2 runs, |τ₁ − τ₂|/2, itself uncertain by ≈ 75 %), and the runs' block
 *       errors combined as for a mean, √(Σ e_r²)/R. Where a run has no τ_α of its own, the error is undefined and
 *       the row says why.</li>
 * </ul>
 * Runs must agree on every parameter of their {@code manifest.json} but the seed and the thread count, have distinct
 * seeds (the same seed would count the same structures twice), be complete ({@code row.json} at every temperature), and
 * share q, t0 and the type of F_s (with the default q, each run takes its own S(q) peak, which can differ: give
 * {@code --q}) and the lag grid of F_s. Every input is read and checked before anything is written: a refusal names the
 * run and what differs, and leaves no output. The output directory must not be one of the runs. The runs are taken in
 * order of their seeds, so the same runs in any order give the same files (manifest aside).
 *
 * <p>Writes into DIR what {@link MesoelasticWorkflowStudy} writes besides the per-run data: {@code table.csv},
 * {@code mesoelastic_fit.json}, {@code published_vs_measured.csv}, the figures, {@code manifest.json} (the runs as
 * inputs), and per temperature {@code T…/row.json} and {@code T…/fs/fs.csv} (t, t/t0, the pooled F_s). The pool reads
 * only finished files, so it can be rerun as more runs finish.
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

    /** One run: its directory, its manifest file and what that file holds. */
    private record Run(Path dir, Path manifest, ManifestRecord record) {
        Map<String, Object> parameters() { return record.parameters(); }
    }

    /** One pooled temperature before it is written: the row and the pooled F_s. */
    private record Pooled(TemperatureRow row, double[] time, double[] tOverT0, double[] fs) {}

    /** Pools the complete studies in {@code runs} into {@code outDir} (class comment). */
    public static Result run(List<Path> runs, Path outDir, StudyContext ctx) throws IOException {
        if (runs.size() < 2) throw new InvalidParameter("{runs} must name at least 2 study directories to pool, got " + runs.size());
        List<Run> ordered = read(runs);
        Map<String, Object> params = ordered.getFirst().parameters();
        Path mf = ordered.getFirst().manifest();
        List<Double> temperatures = numbers(mf, params, "temperatures");
        String model = string(mf, params, "model");
        double density = number(mf, params, "density"), minTauT0 = number(mf, params, "min_tau_over_t0");
        for (Run r : ordered) {
            if (Files.exists(outDir) && Files.isSameFile(outDir, r.dir())) {
                throw new InvalidParameter("{out} " + outDir + " is one of the runs; the pool needs a directory of its own");
            }
            for (double t : temperatures) {
                Path row = r.dir().resolve(MesoelasticWorkflowStudy.label(t)).resolve("row.json");
                if (!Files.isRegularFile(row)) {
                    throw new Refusal(row + " is missing: that study has not finished T = " + t + "; rerun its mesoelastic-study command first");
                }
            }
        }
        List<Path> dirs = ordered.stream().map(Run::dir).toList();
        List<Pooled> pooled = new ArrayList<>();
        try (StudyContext.Meter meter = ctx.progress().start("mesoelastic-pool", temperatures.size(), "temperatures")) {
            for (int k = 0; k < temperatures.size(); k++) {
                pooled.add(pool(dirs, temperatures.get(k)));
                meter.stepTo(k + 1);
            }
        }
        // every input has been read and checked: now write
        Files.createDirectories(outDir);
        List<TemperatureRow> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Pooled p : pooled) {
            Path dir = outDir.resolve(MesoelasticWorkflowStudy.label(p.row().t()));
            Files.createDirectories(dir.resolve("fs"));
            List<Object[]> fsRows = new ArrayList<>();
            for (int k = 0; k < p.fs().length; k++) fsRows.add(new Object[] {p.time()[k], p.tOverT0()[k], p.fs()[k]});
            CsvRows.write(dir.resolve("fs/fs.csv"), "t,t_over_t0,fs", fsRows);
            JsonFile.write(dir.resolve("row.json"), p.row());
            if (p.row().warning() != null) warnings.add("T = " + p.row().t() + ": " + p.row().warning());
            rows.add(p.row());
        }
        MesoelasticWorkflowStudy.Outputs o = MesoelasticWorkflowStudy.writeOutputs(model, density, minTauT0, rows, outDir);
        Manifest m = new Manifest(ctx.version(), "mesoelastic-pool");
        for (Map.Entry<String, Object> e : params.entrySet()) if (!FREE.contains(e.getKey())) m.param(e.getKey(), e.getValue());
        m.param("runs", dirs.stream().map(Path::toString).toList());
        m.param("seeds", ordered.stream().map(r -> r.parameters().get("seed")).toList());
        for (Run r : ordered) m.input(r.manifest());
        for (Path p : o.files()) m.output(p);
        m.result("ell_tilde", o.fit().ellTilde()).result("t_tilde", o.fit().tTilde()).result("fit_refusal", o.fit().refusal())
                .write(outDir.resolve("manifest.json"));
        return new Result(List.copyOf(rows), o.fit(), runs.size(), List.copyOf(warnings));
    }

    /**
     * The runs' manifests, in order of their seeds, checked to differ only in the seed and the thread count; a refusal
     * naming the run and the parameter otherwise.
     */
    private static List<Run> read(List<Path> runs) throws IOException {
        List<Run> out = new ArrayList<>();
        for (Path r : runs) {
            Path mf = r.resolve("manifest.json");
            if (!Files.isRegularFile(mf)) throw new Refusal(mf + " is missing: " + r + " is not a finished mesoelastic-study directory");
            ManifestRecord rm = Manifest.read(mf);
            if (!"mesoelastic-study".equals(rm.command()) || rm.parameters().isEmpty()) {
                throw new Refusal(mf + " is the manifest of '" + rm.command() + "', expected one of mesoelastic-study");
            }
            number(mf, rm.parameters(), "seed");
            out.add(new Run(r, mf, rm));
        }
        out.sort(Comparator.comparingDouble(r -> ((Number) r.parameters().get("seed")).doubleValue()));
        Run first = out.getFirst();
        for (int i = 1; i < out.size(); i++) {
            Run r = out.get(i);
            if (Objects.equals(r.parameters().get("seed"), out.get(i - 1).parameters().get("seed"))) {
                throw new Refusal(out.get(i - 1).dir() + " and " + r.dir() + " have the same seed " + r.parameters().get("seed")
                        + ": they hold the same structures; pool studies run with different --seed");
            }
            for (String key : union(first.parameters().keySet(), r.parameters().keySet())) {
                if (FREE.contains(key) || first.record().sameParameter(key, r.record())) continue;
                throw new Refusal(r.dir() + " differs from " + first.dir() + " in " + key + " (" + r.parameters().get(key) + " against "
                        + first.parameters().get(key) + "): only studies that differ in --seed can be pooled");
            }
        }
        return out;
    }

    private static Object parameter(Path mf, Map<String, Object> p, String key, String expected) {
        Object v = p.get(key);
        if (v == null) throw new InputFormatException(mf.toString(), -1, "parameters." + key + " is missing; expected " + expected);
        return v;
    }

    private static double number(Path mf, Map<String, Object> p, String key) {
        if (parameter(mf, p, key, "a number") instanceof Number n) return n.doubleValue();
        throw new InputFormatException(mf.toString(), -1, "parameters." + key + " is " + p.get(key) + "; expected a number");
    }

    private static String string(Path mf, Map<String, Object> p, String key) {
        if (parameter(mf, p, key, "a text") instanceof String s) return s;
        throw new InputFormatException(mf.toString(), -1, "parameters." + key + " is " + p.get(key) + "; expected a text");
    }

    private static List<Double> numbers(Path mf, Map<String, Object> p, String key) {
        if (parameter(mf, p, key, "a list of numbers") instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(Number.class::isInstance)) {
            return l.stream().map(v -> ((Number) v).doubleValue()).toList();
        }
        throw new InputFormatException(mf.toString(), -1, "parameters." + key + " is " + p.get(key) + "; expected a list of numbers");
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> u = new ArrayList<>(a);
        for (String k : b) if (!a.contains(k)) u.add(k);
        return u;
    }

    /** The pooled row and F_s of temperature {@code t} (reads only). */
    private static Pooled pool(List<Path> runs, double t) throws IOException {
        String label = MesoelasticWorkflowStudy.label(t);
        List<Double> kappaPerStructure = new ArrayList<>(), gPerStructure = new ArrayList<>(), kappas = new ArrayList<>();
        double[] time = null, tOverT0 = null, fsSum = null;
        double[] tauPerRun = new double[runs.size()], errPerRun = new double[runs.size()];
        List<String> keys = new ArrayList<>();
        TemperatureRow first = null;
        for (int r = 0; r < runs.size(); r++) {
            Path d = runs.get(r).resolve(label);
            TemperatureRow row = TemperatureRow.read(d.resolve("row.json"));
            if (first == null) {
                first = row;
            } else if (row.q() != first.q() || row.t0() != first.t0() || row.type() != first.type()) {
                throw new Refusal(d.resolve("row.json") + " has F_s at q = " + row.q() + " (type " + row.type() + ", t0 = " + row.t0() + "), "
                        + runs.getFirst().resolve(label).resolve("row.json") + " at q = " + first.q() + " (type " + first.type() + ", t0 = "
                        + first.t0() + "): F_s cannot be averaged; rerun the studies with the same --q");
            }
            keys.add(row.key());
            tauPerRun[r] = TemperatureRow.nan(row.tauAlpha());
            errPerRun[r] = TemperatureRow.nan(row.tauAlphaErr());
            CsvRows.Table s = CsvRows.readTable(d.resolve("elastic/structures.csv"));
            for (double v : s.doubles("kappa_mean")) kappaPerStructure.add(v);
            for (double v : s.doubles("G")) gPerStructure.add(v);
            for (double v : CsvRows.readTable(d.resolve("elastic/dipoles.csv")).doubles("kappa")) kappas.add(v);
            CsvRows.Table fs = CsvRows.readTable(d.resolve("fs/fs.csv"));
            double[] ti = fs.doubles("t"), fi = fs.doubles("fs");
            if (time == null) {
                time = ti;
                tOverT0 = fs.doubles("t_over_t0");
                fsSum = new double[fi.length];
            } else if (!Arrays.equals(time, ti)) {
                throw new Refusal(d.resolve("fs/fs.csv") + " has other lags than " + runs.getFirst().resolve(label).resolve("fs/fs.csv")
                        + ": F_s cannot be averaged; pool studies that differ only in --seed");
            }
            for (int k = 0; k < fi.length; k++) fsSum[k] += fi[k];
        }
        double[] fsMean = new double[fsSum.length];
        for (int k = 0; k < fsMean.length; k++) fsMean[k] = fsSum[k] / runs.size();

        String warning = null;
        Double tau = null, tauErr = null;
        try {
            tau = SelfDynamics.relaxationTime(time, fsMean, 0.2);
        } catch (Refusal e) {
            warning = "the pooled F_s: " + e.getMessage();
        }
        if (tau != null) {
            long missing = Arrays.stream(tauPerRun).filter(Double::isNaN).count();
            if (missing > 0) {
                warning = missing + " of " + runs.size() + " runs have no tau_alpha of their own: no error of the pooled tau_alpha; run longer";
            } else {
                tauErr = JsonFile.finite(tauError(tauPerRun, errPerRun));
            }
        }
        double[] km = unbox(kappaPerStructure), gs = unbox(gPerStructure);
        String key = Manifest.sha256(String.join("|", keys).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        TemperatureRow row = new TemperatureRow(key, t, tau, tauErr, tau == null ? null : tau / first.t0(), first.t0(), first.q(), first.type(),
                Descriptive.mean(km), JsonFile.finite(Descriptive.standardError(km)), Descriptive.median(unbox(kappas)), Descriptive.mean(gs),
                JsonFile.finite(Descriptive.standardError(gs)), km.length, kappas.size(), warning);
        return new Pooled(row, time, tOverT0, fsMean);
    }

    /**
     * The error of the pooled τ_α: the larger of the standard error of the runs' τ_α, s_{R−1}/√R, and their block errors
     * combined as for a mean, √(Σ e_r²)/R (that one only when every run has a block error).
     */
    static double tauError(double[] tauPerRun, double[] errPerRun) {
        double between = Descriptive.standardError(tauPerRun), sum = 0;
        for (double e : errPerRun) {
            if (Double.isNaN(e)) return between;
            sum += e * e;
        }
        return Math.max(between, Math.sqrt(sum) / errPerRun.length);
    }

    private static double[] unbox(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).toArray(); }
}
