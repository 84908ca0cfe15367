package org.softglass.study.aging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.softglass.core.aging.AgingTable;
import org.softglass.core.aging.ModelAging;
import org.softglass.core.aging.ModelCurve;
import org.softglass.core.aging.QuenchProtocol;
import org.softglass.core.aging.QuenchReplica;
import org.softglass.core.aging.SoftnessProbe;
import org.softglass.core.aging.WaitingTimes;
import org.softglass.core.energy.Models;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.PipelineSummary;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.core.simulate.MdSystem;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.trap.TrapModel;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.MemoryBudget;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;
import org.softglass.study.md.SimulateStudy;

/**
 * MD aging of the softness after an instantaneous quench T_I → T_F, beside the trap master equation and the TRSP model
 * (paper {@code 000} "Aging" and Fig. 5b/5d; paper {@code 002} §VII C and Fig. 8a–c; DESIGN §7b).
 *
 * <p>MD ({@link QuenchProtocol}, {@link QuenchReplica}): R independent replicas (seed + r), each melted (or started from
 * {@link Quench#initial}) and equilibrated at T_I, then quenched to each T_F (positions kept, Maxwell–Boltzmann velocities
 * at T_F, Nosé–Hoover target T_F) and run at T_F; ⟨S⟩ over the A particles ({@link SoftnessProbe}: the model's own
 * descriptor set, S = w·z + b) at t_w = 0 and log-spaced t_w, on inherent-structure positions (as the pipeline's softness
 * stage when its preset quenches frames) or thermal ones. MD value: mean over replicas ± standard error over replicas
 * ({@link AgingTable}).
 *
 * <p>Models ({@link ModelAging}) from the model-parameter file, their times divided by the matching factors
 * f = τ_Q,model/τ_Q,MD ({@link TimeMatch}) of the pipeline's {@code summary.json} ({@code time_matching}) or given
 * explicitly; without either the factors are 1 and the output says "unmatched".
 *
 * <p>Writes into the output directory: aging.csv ({@value #CSV_HEADER}; t_w in τ), aging.json ({@value #SCHEMA}),
 * aging.png, manifest.json, aging-run.json (the settings that own the directory) and replicas/rNNN/ with the MD runs
 * (resumable: a finished replica is read back, an interrupted one resumes from its checkpoint).
 */
public final class MdAgingStudy {
    /** The schema of aging.json. */
    public static final String SCHEMA = "softglass.md-aging/1";
    /** The header of aging.csv. */
    public static final String CSV_HEADER = "T_F,t_w,mean_s_md,mean_s_md_err,replicas,mean_s_trap,mean_s_trsp,mean_s_trsp_err";
    /** The pair potential of the MD. */
    static final String POTENTIAL = "ka";

    private MdAgingStudy() {}

    /**
     * The MD side: the quench and the waiting times. Units: temperatures ε_AA/k_B, times τ.
     *
     * @param tInitial        T_I, &gt; 0
     * @param tFinal          the T_F values, each &gt; 0
     * @param n               particles, ≥ 2
     * @param density         number density, or null for the potential's
     * @param replicas        independent quenches (seeds seed + r), ≥ 1
     * @param equilibrate     MD steps at T_I before the quench, ≥ 0
     * @param meltSteps       melt steps at {@code meltTemperature} (random start only), ≥ 0
     * @param meltTemperature the melt temperature
     * @param initial         a dump whose last frame starts every replica, or null for a random melt
     * @param dt              the MD time step
     * @param tdamp           the Nosé–Hoover damping time
     * @param twMin           the first non-zero waiting time
     * @param twMax           the last waiting time
     * @param perDecade       waiting times per decade, ≥ 1
     * @param inherent        whether ⟨S⟩ is measured on inherent structures; null: the summary's setting, else true
     */
    public record Quench(double tInitial, List<Double> tFinal, int n, Double density, int replicas, long equilibrate, long meltSteps,
                         double meltTemperature, Path initial, double dt, double tdamp, double twMin, double twMax, int perDecade,
                         Boolean inherent) {
        public Quench {
            tFinal = List.copyOf(tFinal);
            Checks.positive(tInitial, "tInitial");
            for (double t : tFinal) Checks.positive(t, "tFinal");
            Checks.atLeast(n, 2, "n");
            MemoryBudget.require(MemoryBudget.times(Math.max(0, n), SimulateStudy.MD_BYTES_PER_PARTICLE), "{n} " + n + " (particles)");
            Checks.atLeast(replicas, 1, "replicas");
            Checks.atLeast(equilibrate, 0, "equilibrate");
            Checks.atLeast(meltSteps, 0, "meltSteps");
            Checks.atLeast(perDecade, 1, "perDecade");
        }
    }

    /**
     * The model curves.
     *
     * @param params           the model-parameter file (trap and TRSP curves, equilibrium ⟨S⟩(T_F)); required unless noModels
     * @param noModels         MD only: no trap or TRSP curve
     * @param trapBins         S bins of the trap master equation, ≥ 16
     * @param trspL            TRSP lattice side, in [2, 128]
     * @param trspM            TRSP cluster size, 1 or 4
     * @param trspTol          TRSP kick window tolerance, in [0, 0.999]
     * @param trspTrajectories TRSP trajectories per T_F, ≥ 2
     */
    public record Curves(Path params, boolean noModels, int trapBins, int trspL, int trspM, double trspTol, int trspTrajectories) {
        public Curves {
            Checks.atLeast(trapBins, 16, "trapBins");
            Checks.atLeast(trspTrajectories, 2, "trspTrajectories");
            if (trspL < 2 || trspL > 128) throw new InvalidParameter("{trspL} must be in [2, 128], got " + trspL);
            if (trspM != 1 && trspM != 4) throw new InvalidParameter("{trspM} must be 1 or 4, got " + trspM);
            if (!(trspTol >= 0.0 && trspTol <= 0.999)) throw new InvalidParameter("{trspTol} must be in [" + 0.0 + ", " + 0.999 + "], got " + trspTol);
        }
    }

    /**
     * The time matching: explicit factors override the summary's.
     *
     * @param summary    the pipeline's summary.json (time_matching factors; settings.inherent_structures), or null
     * @param trapFactor the trap factor f, &gt; 0, or null
     * @param trspFactor the TRSP factor f, &gt; 0, or null
     */
    public record Matching(Path summary, Double trapFactor, Double trspFactor) {
        public Matching {
            if (trapFactor != null) Checks.positive(trapFactor, "trapFactor");
            if (trspFactor != null) Checks.positive(trspFactor, "trspFactor");
        }

        /** No summary, no factors: unmatched model curves. */
        public static Matching none() { return new Matching(null, null, null); }
    }

    /**
     * @param model    the softness model file
     * @param seed     the base seed (replica r: seed + r; the TRSP ensembles)
     * @param spelling how the caller spells this request's parameters in recorded text (aging.json's factor sources); null: the bare names
     */
    public record Request(Path model, Quench quench, Curves curves, Matching matching, long seed, Function<String, String> spelling) {
        public Request {
            if (spelling == null) spelling = Function.identity();
        }
    }

    /**
     * @param rows      rows of aging.csv
     * @param trap      the trap factor used
     * @param trsp      the TRSP factor used
     * @param summaries one line per T_F (⟨S⟩_MD at t_w = 0 and late, equilibrium, models)
     */
    public record Result(int rows, TimeMatch trap, TimeMatch trsp, List<String> summaries) {}

    /** Runs (or resumes) the replicas of {@code req} in {@code out}, computes the model curves and writes the outputs. */
    public static Result run(Request req, Path out, StudyContext ctx) throws IOException {
        Quench q = req.quench();
        Curves mo = req.curves();
        Matching ma = req.matching();
        requireFile(req.model(), "model");
        if (q.initial() != null) requireFile(q.initial(), "initial");
        if (!mo.noModels() && mo.params() == null) {
            throw new InvalidParameter("give {params} FILE (model parameters for the trap and TRSP curves) or {noModels}");
        }
        if (mo.params() != null) requireFile(mo.params(), "params");
        if (ma.summary() != null) requireFile(ma.summary(), "summary");
        int nt = ctx.threads();
        WaitingTimes waiting = WaitingTimes.logSpaced(q.twMin(), q.twMax(), q.perDecade(), q.dt());
        PipelineSummary sum = ma.summary() != null ? PipelineSummary.readUnchecked(ma.summary()) : null;
        boolean inherent = q.inherent() != null ? q.inherent() : sum == null || sum.inherent();
        QuenchProtocol protocol = new QuenchProtocol(POTENTIAL, q.n(), q.density() != null ? q.density() : Models.defaultDensity(POTENTIAL),
                Models.defaultFractionA(POTENTIAL), q.tInitial(), q.tFinal(), q.dt(), q.tdamp(), MdSystem.DEFAULT_SKIN, q.meltTemperature(),
                q.initial() != null ? 0 : q.meltSteps(), q.equilibrate(), q.initial() != null ? q.initial().toString() : null, waiting, inherent, req.seed());
        SoftnessModel model = SoftnessModel.read(req.model());
        ModelParameters p = mo.params() != null ? ModelParameters.read(mo.params()) : null;
        if (p != null && !mo.noModels()) checkTemperatures(p, q, mo);
        TimeMatch fTrap = TimeMatch.of(sum, ma.summary(), "trap", ma.trapFactor(), "trapFactor", req.spelling());
        TimeMatch fTrsp = TimeMatch.of(sum, ma.summary(), "trsp", ma.trspFactor(), "trspFactor", req.spelling());

        Files.createDirectories(out);
        AgingReplicas.claim(protocol, nt, req.model(), out);
        AgingReplicas md = AgingReplicas.run(protocol, q.replicas(), model, out, ctx);
        double[] tw = waiting.times();
        List<AgingTable.Row> rows = new ArrayList<>();
        List<Map<String, Object>> perT = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        Plot plot = Plot.xy(String.format(Locale.ROOT, "Aging after a quench from T_I = %.3g (%s)", q.tInitial(),
                fTrap.matched() || fTrsp.matched() ? "model times matched" : "unmatched"), "t_w (tau)", "<S>").logX();
        for (double t : q.tFinal()) {
            ModelCurve trap = null, trsp = null;
            if (!mo.noModels()) {
                double lo = tw[1], hi = tw[tw.length - 1];
                trap = ModelAging.trap(p, q.tInitial(), t, lo * fTrap.factor(), hi * fTrap.factor(), mo.trapBins());
                double[] raw = new double[tw.length - 1];
                for (int k = 1; k < tw.length; k++) raw[k - 1] = tw[k] * fTrsp.factor();
                trsp = ModelAging.trsp(p, q.tInitial(), t, raw, mo.trspL(), mo.trspM(), mo.trspTol(), mo.trspTrajectories(), req.seed(), nt);
            }
            List<AgingTable.Row> r = AgingTable.rows(t, tw, md.meanS().get(t), trap, fTrap.factor(), trsp, fTrsp.factor());
            rows.addAll(r);
            Map<String, Object> block = TemperatureBlock.of(t, r, md.meanS().get(t), md.uIs().get(t), p, trap, trsp);
            perT.add(block);
            summaries.add((String) block.get("summary"));
            plot(plot, t, tw, r, !mo.noModels());
        }

        List<Object[]> csv = new ArrayList<>();
        for (AgingTable.Row r : rows) {
            csv.add(new Object[] {r.tFinal(), r.tw(), r.mdMean(), r.mdError(), r.replicas(), r.trap(), r.trsp(), r.trspError()});
        }
        Path csvFile = out.resolve("aging.csv"), json = out.resolve("aging.json"), png = out.resolve("aging.png");
        CsvRows.write(csvFile, CSV_HEADER, csv);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("schema", SCHEMA);
        Map<String, Object> settings = new LinkedHashMap<>(protocol.asMap());
        settings.put("replicas", q.replicas());
        settings.put("threads", nt);
        settings.put("softness_model", req.model().toString());
        settings.put("centre_species", centreSpecies(model));
        settings.put("md_error", "standard error of the mean over the independent replicas");
        j.put("settings", settings);
        if (!mo.noModels()) {
            j.put("models", JsonFile.map("params", mo.params().toString(), "trap_bins", mo.trapBins(), "trsp_L", mo.trspL(), "trsp_m", mo.trspM(),
                    "trsp_tol", mo.trspTol(), "trsp_trajectories", mo.trspTrajectories(), "trsp_error", "standard error over TRSP trajectories"));
        }
        j.put("time_matching", JsonFile.map("matched", fTrap.matched() || fTrsp.matched(),
                "label", fTrap.matched() || fTrsp.matched() ? "matched" : "unmatched",
                "rule", "model value at MD waiting time t_w is the raw model curve at f*t_w (model times / f)",
                "trap", fTrap.asMap(), "trsp", fTrsp.asMap()));
        j.put("temperatures", perT);
        JsonFile.write(json, j);
        plot.save(png);
        Manifest man = new Manifest(ctx.version(), "md-aging");
        settings.forEach(man::param);
        man.input(req.model());
        if (mo.params() != null) man.input(mo.params());
        if (ma.summary() != null) man.input(ma.summary());
        if (q.initial() != null) man.input(q.initial());
        man.param("trap_factor", fTrap.factor()).param("trsp_factor", fTrsp.factor()).param("no_models", mo.noModels())
                .output(csvFile).output(json).output(png).result("rows", rows.size());
        man.write(out.resolve("manifest.json"));
        return new Result(rows.size(), fTrap, fTrsp, List.copyOf(summaries));
    }

    /** Adds T_F's MD points with error bars (and the model lines) at t_w &gt; 0 (the log axis). */
    private static void plot(Plot plot, double t, double[] tw, List<AgingTable.Row> r, boolean models) {
        double[] x = Arrays.copyOfRange(tw, 1, tw.length), y = new double[x.length], e = new double[x.length], a = new double[x.length],
                b = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            AgingTable.Row row = r.get(k + 1);
            y[k] = row.mdMean(); e[k] = row.mdError(); a[k] = row.trap(); b[k] = row.trsp();
        }
        String lab = String.format(Locale.ROOT, "T_F=%.3g", t);
        plot.errors("MD " + lab, x, y, e);
        if (models) plot.line("trap " + lab, x, a).line("TRSP " + lab, x, b);
    }

    /** Refuses temperatures the models cannot take before any MD is run. */
    private static void checkTemperatures(ModelParameters p, Quench q, Curves mo) {
        TrapModel tm = TrapModel.of(p);
        tm.checkTemperature(q.tInitial());
        for (double t : q.tFinal()) tm.checkTemperature(t);
        for (double t : q.tFinal()) TrspModel.of(p, t, mo.trspL(), mo.trspM(), 1.0);
        TrspModel.of(p, q.tInitial(), mo.trspL(), mo.trspM(), 1.0);
    }

    private static void requireFile(Path f, String token) {
        if (!Files.isRegularFile(f)) throw new InvalidParameter("{" + token + "}: " + f + " does not exist or is not a file");
    }

    /** The species whose ⟨S⟩ is measured: the model's feature set's {@code center_species}, else "all". */
    private static String centreSpecies(SoftnessModel m) {
        Object set = m.training().get("feature_set");
        return set instanceof Map<?, ?> fs && fs.get("center_species") instanceof String s ? s : "all";
    }
}
