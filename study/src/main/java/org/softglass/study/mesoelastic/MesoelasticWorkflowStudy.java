package org.softglass.study.mesoelastic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.softglass.core.dynamics.MesoelasticFit;
import org.softglass.core.dynamics.ReducedUnits;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.fit.Line;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.Refusal;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * The multi-temperature workflow of paper 004's main result (Fig. 4): for each parent temperature T_p, highest first,
 * equilibrium MD (the highest from a random melt, each lower one from the last frame of the one above), S inherent
 * structures quenched from equally spaced production frames, κ (eq A4, dipole stiffness) and G (eq A1) of those
 * structures, F_s(q, t) of the largest particles and τ_α (F_s = 0.2) with its error over time blocks
 * ({@link TemperatureStage}); then the table of T, τ_α, κ, G, the fit of eq 3 {@code ln(τ_α/t0) = (ℓ̃ a0)² κ/T + ln t̃}
 * over the activated regime τ_α/t0 ≥ {@link Request#minTauT0()} ({@link MesoelasticFit}) beside paper 004's published
 * constants ({@link PublishedFit}), and the figures.
 *
 * <p>Writes into DIR: {@code T0.800/…} per temperature ({@code md/}, {@code parents.dump}, {@code is/},
 * {@code elastic/}, {@code fs/}, {@code row.json}), {@code table.csv} ({@link TemperatureRow#CSV_HEADER}, highest T
 * first; readable by {@code softglass mesoelastic} when every row has τ_α: an undefined number is an empty field), {@code mesoelastic_fit.json} ({@link WorkflowFit}),
 * {@code published_vs_measured.csv}, the figures of {@link WorkflowPlots} and {@code manifest.json}.
 *
 * <p>Resumable per temperature: a temperature whose {@code row.json} holds the same key (a hash of every setting that
 * determines it and of the key of the temperature above, which it starts from) is read, not recomputed; an interrupted
 * MD resumes from its checkpoint ({@link org.softglass.study.md.SimulateStudy}). A {@code row.json} with another key
 * is refused: the directory holds another study. Same request and thread count give the same files (manifests aside,
 * which record times).
 */
public final class MesoelasticWorkflowStudy {
    private MesoelasticWorkflowStudy() {}

    /**
     * The MD protocol of every temperature (times in steps, dt and tdamp in τ).
     *
     * @param dt              the time step
     * @param tdamp           the Nosé–Hoover damping time (paper 004 Table I: τ_NH = 0.2 for IPL and mBLJ)
     * @param meltTemperature the random start's melt temperature
     * @param meltSteps       steps at it (the highest temperature only)
     * @param equilibrate     equilibration steps per temperature (one value: the same for all)
     * @param steps           production steps per temperature (one value: the same for all)
     * @param dumpEvery       steps between trajectory frames (F_s and the parents of the inherent structures)
     */
    public record Md(double dt, double tdamp, double meltTemperature, long meltSteps, List<Long> equilibrate, List<Long> steps, long dumpEvery) {
        public Md {
            Checks.positive(dt, "dt");
            Checks.positive(tdamp, "tdamp");
            Checks.positive(meltTemperature, "meltTemperature");
            Checks.atLeast(meltSteps, 0, "meltSteps");
            Checks.atLeast(dumpEvery, 1, "dumpEvery");
            equilibrate = List.copyOf(equilibrate);
            steps = List.copyOf(steps);
            for (long e : equilibrate) Checks.atLeast(e, 0, "equilibrate");
            for (long s : steps) {
                if (s < dumpEvery) throw new InvalidParameter("{steps} must be >= {dumpEvery} (" + dumpEvery + "), got " + s);
            }
        }

        /** Equilibration steps of temperature k. */
        long equilibrate(int k) { return equilibrate.size() == 1 ? equilibrate.getFirst() : equilibrate.get(k); }

        /** Production steps of temperature k. */
        long steps(int k) { return steps.size() == 1 ? steps.getFirst() : steps.get(k); }
    }

    /**
     * The inherent-structure ensemble of every temperature.
     *
     * @param structures inherent structures per temperature
     * @param dipoles    random interacting pairs per structure (ignored with {@code allPairs})
     * @param allPairs   every interacting pair
     * @param tol        the CG relative residual tolerance of κ and G, in (0, 1)
     * @param fmaxLimit  structures with a force component above this are refused (ε/σ)
     */
    public record Ensemble(int structures, int dipoles, boolean allPairs, double tol, double fmaxLimit) {
        public Ensemble {
            Checks.atLeast(structures, 1, "structures");
            if (!allPairs) Checks.atLeast(dipoles, 1, "dipoles");
            if (!(tol > 0 && tol < 1)) throw new InvalidParameter("{tol} must be in (0.0, 1.0), got " + tol);
            Checks.positive(fmaxLimit, "fmaxLimit");
        }
    }

    /**
     * F_s(q, t) and τ_α.
     *
     * @param q         the wave number (σ⁻¹), or null: the first S(q) peak (above q = 2) of the highest temperature's
     *                  trajectory, then used at every temperature (paper 004 Table I: q_max = 6.35 for IPL, 7.25 for mBLJ)
     * @param type      the LAMMPS type of F_s, or null: the largest particles (paper 004 Sec. II B), the species whose
     *                  like pair reaches 1 ε at the largest distance ({@link ModelDefaults#largestSpecies}; IPL: 2, mBLJ: 1)
     * @param blocks    time blocks of the error of τ_α (≥ 2)
     * @param perDecade lags per decade
     */
    public record Dynamics(Double q, Integer type, int blocks, int perDecade) {
        public Dynamics {
            if (q != null) Checks.positive(q, "q");
            if (type != null) Checks.atLeast(type, 1, "type");
            Checks.atLeast(blocks, 2, "blocks");
            Checks.atLeast(perDecade, 1, "perDecade");
        }
    }

    /**
     * @param model        the pair potential preset ({@link Models#byName})
     * @param density      N/V (σ⁻³)
     * @param n            particles
     * @param temperatures the parent temperatures T_p (any order, distinct; run highest first)
     * @param minTauT0     fit only state points with τ_α/t0 ≥ this (paper 004: the activated regime from ≈ 10); 0 fits all
     * @param seed         MD seed of the highest temperature (temperature k uses seed + k); the dipoles of structure j
     *                     use seed + j
     */
    public record Request(String model, double density, int n, List<Double> temperatures, Md md, Ensemble ensemble, Dynamics dynamics, double minTauT0,
                          long seed) {
        public Request {
            Models.byName(model);
            Checks.positive(density, "density");
            Checks.atLeast(n, 2, "n");
            Checks.nonNegative(minTauT0, "minTauT0");
            if (temperatures.isEmpty()) throw new InvalidParameter("{temperatures} must name at least one temperature");
            for (double t : temperatures) Checks.positive(t, "temperatures");
            List<Double> sorted = new ArrayList<>(temperatures);
            sorted.sort(Comparator.reverseOrder());
            for (int k = 1; k < sorted.size(); k++) {
                if (sorted.get(k).equals(sorted.get(k - 1))) throw new InvalidParameter("{temperatures} lists " + sorted.get(k) + " twice");
            }
            int m = sorted.size();
            if (md.steps().size() != 1 && md.steps().size() != m) {
                throw new InvalidParameter("{steps} needs 1 or " + m + " values (one per temperature), got " + md.steps().size());
            }
            if (md.equilibrate().size() != 1 && md.equilibrate().size() != m) {
                throw new InvalidParameter("{equilibrate} needs 1 or " + m + " values (one per temperature), got " + md.equilibrate().size());
            }
            temperatures = List.copyOf(sorted);
            for (int k = 0; k < m; k++) {
                int frames = (int) Math.min(Integer.MAX_VALUE, md.steps(k) / md.dumpEvery() + 1);
                ParentFrames.indices(frames, ensemble.structures());
                // the block error of τ_α needs 2 frames per block (BlockRelaxationTime): refused here, not after the MD,
                // the quench and κ, G of the temperature
                if (frames / dynamics.blocks() < 2) {
                    throw new InvalidParameter("{blocks} " + dynamics.blocks() + " leaves fewer than 2 of the " + frames
                            + " production frames at T = " + temperatures.get(k) + " in each block; lower it or run longer");
                }
            }
        }
    }

    /**
     * @param rows     one per temperature, highest first
     * @param fit      the fit of eq 3 with the published constants (its {@link WorkflowFit#refusal} says why there is none)
     * @param computed the temperatures computed by this call
     * @param reused   the temperatures read from complete outputs of an earlier call
     * @param warnings one line per temperature whose τ_α or its error is undefined, or whose time blocks are shorter
     *                 than 2 τ_α (correlated: the error is underestimated)
     */
    public record Result(List<TemperatureRow> rows, WorkflowFit fit, List<Double> computed, List<Double> reused, List<String> warnings) {}

    /** The directory name of a temperature, e.g. {@code T0.800}. */
    public static String label(double t) { return String.format(Locale.ROOT, "T%.3f", t); }

    /** Runs (or resumes) the workflow of {@code req} in {@code outDir}. */
    public static Result run(Request req, Path outDir, StudyContext ctx) throws IOException {
        PairPotential pot = Models.byName(req.model());
        int type = req.dynamics().type() != null ? req.dynamics().type() : ModelDefaults.largestSpecies(pot) + 1;
        if (type > pot.speciesCount()) throw new InvalidParameter("{type} must be in [1, " + pot.speciesCount() + "], got " + type);
        for (int k = 1; k < req.temperatures().size(); k++) {
            if (label(req.temperatures().get(k)).equals(label(req.temperatures().get(k - 1)))) {
                throw new InvalidParameter("{temperatures} " + req.temperatures().get(k - 1) + " and " + req.temperatures().get(k)
                        + " share the directory " + label(req.temperatures().get(k)) + "; differ in the first 3 decimals");
            }
        }
        Files.createDirectories(outDir);
        List<TemperatureRow> rows = new ArrayList<>();
        List<Double> computed = new ArrayList<>(), reused = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String key = "";
        Double q = req.dynamics().q();
        try (StudyContext.Meter meter = ctx.progress().start("mesoelastic-study", req.temperatures().size(), "temperatures")) {
            for (int k = 0; k < req.temperatures().size(); k++) {
                double t = req.temperatures().get(k);
                Path dir = outDir.resolve(label(t)), rowFile = dir.resolve("row.json");
                Path initial = k == 0 ? null : outDir.resolve(label(req.temperatures().get(k - 1))).resolve("md/traj.dump");
                key = key(req, k, key, q, type);
                TemperatureRow row = null;
                if (Files.exists(rowFile)) {
                    TemperatureRow old = TemperatureRow.read(rowFile);
                    if (!key.equals(old.key())) {
                        throw new Refusal(rowFile + " was computed with other settings (key " + old.key() + ", expected " + key
                                + "): this directory holds another study; choose another {out}");
                    }
                    row = old;
                    reused.add(t);
                }
                if (row == null) {
                    row = TemperatureStage.run(req, k, key, dir, initial, q, type, ctx);
                    computed.add(t);
                }
                if (q == null) q = row.q();   // the first S(q) peak serves every temperature
                if (row.warning() != null) warnings.add("T = " + t + ": " + row.warning());
                rows.add(row);
                meter.stepTo(k + 1);
            }
        }
        Outputs o = writeOutputs(req.model(), req.density(), req.minTauT0(), rows, outDir);
        WorkflowFit fit = o.fit();
        Manifest m = new Manifest(ctx.version(), "mesoelastic-study").param("model", pot.name()).param("potential", pot.description())
                .param("density", req.density()).param("n", req.n()).param("temperatures", req.temperatures()).param("dt", req.md().dt())
                .param("tdamp", req.md().tdamp()).param("melt_temperature", req.md().meltTemperature()).param("melt_steps", req.md().meltSteps())
                .param("equilibrate", req.md().equilibrate()).param("steps", req.md().steps()).param("dump_every", req.md().dumpEvery())
                .param("structures", req.ensemble().structures()).param("dipoles_per_structure", req.ensemble().allPairs() ? "all" : req.ensemble().dipoles())
                .param("tol", req.ensemble().tol()).param("fmax_limit", req.ensemble().fmaxLimit()).param("q", req.dynamics().q()).param("type", type)
                .param("blocks", req.dynamics().blocks()).param("per_decade", req.dynamics().perDecade()).param("min_tau_over_t0", req.minTauT0())
                .param("seed", req.seed()).param("threads", ctx.threads());
        for (Path p : o.files()) m.output(p);
        m.result("q", rows.getFirst().q()).result("computed_temperatures", computed).result("reused_temperatures", reused).result("ell_tilde", fit.ellTilde())
                .result("t_tilde", fit.tTilde()).result("fit_refusal", fit.refusal()).write(outDir.resolve("manifest.json"));
        return new Result(List.copyOf(rows), fit, List.copyOf(computed), List.copyOf(reused), List.copyOf(warnings));
    }

    /**
     * The files written from the rows: {@code table.csv}, {@code mesoelastic_fit.json}, {@code published_vs_measured.csv}
     * and the figures, in that order.
     */
    record Outputs(WorkflowFit fit, List<Path> files) {}

    /**
     * Writes {@code table.csv}, the fit of eq 3 ({@code mesoelastic_fit.json}), {@code published_vs_measured.csv} and the
     * figures of {@code rows} (highest T first; the figures read {@code outDir/T…/fs/fs.csv}) into {@code outDir}.
     */
    static Outputs writeOutputs(String model, double density, double minTauT0, List<TemperatureRow> rows, Path outDir) throws IOException {
        Path table = outDir.resolve("table.csv");
        CsvRows.write(table, TemperatureRow.CSV_HEADER, rows.stream().map(TemperatureRow::csv).toList());
        WorkflowFit fit = fit(model, density, minTauT0, rows);
        Path fitFile = outDir.resolve("mesoelastic_fit.json"), cmp = outDir.resolve("published_vs_measured.csv");
        JsonFile.write(fitFile, fit);
        CsvRows.write(cmp, "quantity,published,measured,measured_err,source",
                fit.comparison().stream().map(c -> new Object[] {c.quantity(), c.published(), TemperatureRow.nan(c.measured()),
                        TemperatureRow.nan(c.measuredErr()), "\"" + fit.published().source().replace("\"", "'") + "\""}).toList());
        List<Path> files = new ArrayList<>(List.of(table, fitFile, cmp));
        files.addAll(WorkflowPlots.write(rows, fit, outDir));
        return new Outputs(fit, List.copyOf(files));
    }

    /** The fit of eq 3 over the rows with τ_α (a0 = ρ^(−1/3)), or the refusal as a value. */
    private static WorkflowFit fit(String model, double density, double minTauT0, List<TemperatureRow> rows) {
        double a0 = Math.cbrt(1 / density);
        PublishedFit pub = PublishedFit.forModel(model);
        List<TemperatureRow> with = rows.stream().filter(TemperatureRow::hasTauAlpha).toList();
        List<Double> without = rows.stream().filter(r -> !r.hasTauAlpha()).map(TemperatureRow::t).toList();
        double[] t = with.stream().mapToDouble(TemperatureRow::t).toArray(), tau = with.stream().mapToDouble(TemperatureRow::tauAlpha).toArray(),
                kap = with.stream().mapToDouble(TemperatureRow::kappa).toArray(), g = with.stream().mapToDouble(TemperatureRow::g).toArray();
        MesoelasticFit f;
        try {
            if (with.size() < 2) throw new Refusal(with.size() + " temperature(s) have tau_alpha, expected at least 2 for the fit; run longer");
            f = MesoelasticFit.fit(t, tau, kap, a0, minTauT0);
        } catch (Refusal e) {
            List<Double> ex = new ArrayList<>(without);
            return WorkflowFit.refused(model, density, a0, minTauT0, ex, e.getMessage(), pub);
        }
        List<Double> excluded = new ArrayList<>(without);
        for (double x : f.excluded()) excluded.add(x);
        excluded.sort(Comparator.reverseOrder());
        List<Double> keep = new ArrayList<>();
        List<double[]> gxy = new ArrayList<>();
        for (int k = 0; k < t.length; k++) {
            final double tk = t[k];
            if (Arrays.stream(f.excluded()).anyMatch(x -> x == tk)) continue;
            keep.add(tk);
            gxy.add(new double[] {g[k] / tk, Math.log(tau[k] / ReducedUnits.t0(a0, tk))});
        }
        Line gl = Line.fit(gxy.stream().mapToDouble(p -> p[0]).toArray(), gxy.stream().mapToDouble(p -> p[1]).toArray());
        WorkflowFit.GLine gLine = gl.determined() ? new WorkflowFit.GLine(gl.slope(), gl.intercept(), gl.rSquared()) : null;
        return WorkflowFit.of(model, density, a0, minTauT0, f, keep.stream().mapToDouble(Double::doubleValue).toArray(), excluded, gLine,
                pub);
    }

    /**
     * The key of temperature k: a hash of every setting that determines its outputs, chained to the key of the
     * temperature above (its start). The thread count is not part of it: a temperature computed with another count
     * is reused (its {@code md/manifest.json} records the count).
     */
    static String key(Request req, int k, String previous, Double q, int type) {
        Md md = req.md();
        Ensemble e = req.ensemble();
        String s = String.join("|", "mesoelastic-study/1", previous, req.model(), Double.toString(req.density()), Integer.toString(req.n()),
                Double.toString(req.temperatures().get(k)), Double.toString(md.dt()), Double.toString(md.tdamp()),
                k == 0 ? md.meltTemperature() + "x" + md.meltSteps() : "from-above", Long.toString(md.equilibrate(k)), Long.toString(md.steps(k)),
                Long.toString(md.dumpEvery()), Long.toString(req.seed()), Integer.toString(e.structures()), e.allPairs() ? "all" : Integer.toString(e.dipoles()),
                Double.toString(e.tol()), Double.toString(e.fmaxLimit()), q == null ? "sq-peak" : Double.toString(q), Integer.toString(type),
                Integer.toString(req.dynamics().blocks()), Integer.toString(req.dynamics().perDecade()),
                Algorithm.CG_FIRE.label() + TemperatureStage.IS_FTOL);
        return Manifest.sha256(s.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }
}
