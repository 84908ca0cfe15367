package org.softglass.cli.md;

import org.softglass.cli.Csv;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OptionChecks;
import org.softglass.cli.Progress;
import org.softglass.cli.RunOptions;
import org.softglass.cli.Version;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.aging.AgingTable;
import org.softglass.core.aging.ModelAging;
import org.softglass.core.aging.ModelCurve;
import org.softglass.core.aging.QuenchProtocol;
import org.softglass.core.aging.QuenchReplica;
import org.softglass.core.aging.SoftnessProbe;
import org.softglass.core.aging.WaitingTimes;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.trap.TrapModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code softglass md-aging}: MD aging of the softness after an instantaneous quench T_I → T_F, beside the
 * trap master equation and the TRSP model (paper {@code 000} "Aging" and Fig. 5b/5d; paper {@code 002}
 * §VII C and Fig. 8a–c; DESIGN §7b).
 *
 * <p>MD ({@link QuenchProtocol}, {@link QuenchReplica}): R independent replicas (seed + r), each melted (or
 * started from {@code --initial}) and equilibrated at T_I, then quenched to each T_F (positions kept,
 * Maxwell–Boltzmann velocities at T_F, Nosé–Hoover target T_F) and run at T_F; ⟨S⟩ over the A particles
 * ({@link SoftnessProbe}: the model's own descriptor set, S = w·z + b) at t_w = 0 and log-spaced t_w, on
 * inherent-structure positions (as the pipeline's softness stage when its preset quenches frames) or
 * thermal ones. MD value: mean over replicas ± standard error over replicas ({@link AgingTable}).
 *
 * <p>Models ({@link ModelAging}) from the model-parameter file, their times divided by the matching factors
 * f = τ_Q,model/τ_Q,MD of the pipeline's {@code summary.json} ({@code time_matching}) or given explicitly;
 * without either the factors are 1 and the output says "unmatched".
 *
 * <p>Outputs in --out: aging.csv (T_F,t_w,mean_s_md,mean_s_md_err,replicas,mean_s_trap,mean_s_trsp,mean_s_trsp_err;
 * t_w in τ), aging.json ({@value #SCHEMA}), aging.png, manifest.json, and replicas/rNNN/ with the MD runs
 * (resumable: a finished replica is read back, an interrupted one resumes from its checkpoint).
 */
@Command(name = "md-aging", mixinStandardHelpOptions = true,
        description = {"MD aging after a quench T_I -> T_F: <S>(t_w) of A particles over replicas, beside the trap and TRSP models.",
                "<S>(t_w) is the mean +- SE over independent replicas; the models' times are matched by the pipeline's factors.",
                "Writes aging.csv, aging.json, aging.png, manifest.json and replicas/ (resumable) in --out."})
public final class MdAgingCommand implements Callable<Integer> {
    static final String SCHEMA = "softglass.md-aging/1";
    static final String CSV_HEADER = "T_F,t_w,mean_s_md,mean_s_md_err,replicas,mean_s_trap,mean_s_trsp,mean_s_trsp_err";

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "Softness model (softglass train), e.g. RUN/train/model/model.json.")
    Path modelFile;
    @Option(names = "--params", paramLabel = "FILE", description = "Model-parameter JSON for the trap and TRSP curves and the equilibrium <S>(T_F): the file the pipeline's TRSP ran with,"
            + " RUN/trsp/model-parameters-trsp.json (C_S and kicks made usable on the lattice), else RUN/correlations/model-parameters.json. Required unless --no-models.")
    Path params;
    @Option(names = "--no-models", description = "MD only: no trap or TRSP curve.")
    boolean noModels;
    @Option(names = "--summary", paramLabel = "summary.json", description = "Pipeline summary whose time_matching factors map model times to MD times (else factors 1: unmatched).")
    Path summary;
    @Option(names = "--trap-factor", paramLabel = "F", description = "Trap matching factor f (overrides --summary).")
    Double trapFactor;
    @Option(names = "--trsp-factor", paramLabel = "F", description = "TRSP matching factor f (overrides --summary).")
    Double trspFactor;
    @Option(names = "--ti", defaultValue = "1.0", description = "Initial temperature T_I (default: ${DEFAULT-VALUE}, as the papers).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    double tI;
    @Option(names = "--tf", required = true, split = ",", paramLabel = "T", description = "Final temperatures T_F (comma list).")
    List<Double> tF;
    @Option(names = "--n", defaultValue = "1000", description = "Particles.")
    int n;
    @Option(names = "--density", description = "Number density (default: the model's, 1.2 for ka).")
    Double density;
    @Option(names = "--replicas", defaultValue = "4", paramLabel = "R", description = "Independent quenches, seeds seed+r.")
    int replicas;
    @Option(names = "--equilibrate", defaultValue = "4000", description = "Steps at T_I before the quench (default: ${DEFAULT-VALUE}; tau_alpha(1.0) ~ 1 tau = 200 steps).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    long equilibrate;
    @Option(names = "--melt-steps", defaultValue = "2000", description = "Melt steps at --melt-temperature, random start only.")
    long meltSteps;
    @Option(names = "--melt-temperature", defaultValue = "2.0", description = "Melt temperature.")
    double meltTemperature;
    @Option(names = "--initial", paramLabel = "DUMP", description = "Start every replica from the last frame of this dump (then --equilibrate steps at T_I with the replica's own velocities;"
            + " replicas are independent only if that is several tau_alpha(T_I)).")
    Path initial;
    @Option(names = "--dt", defaultValue = "0.005", description = "Time step in tau.")
    double dt;
    @Option(names = "--tdamp", defaultValue = "0.5", description = "Nose-Hoover damping time in tau.")
    double tdamp;
    @Option(names = "--tw-min", defaultValue = "0.1", description = "First non-zero waiting time in tau.")
    double twMin;
    @Option(names = "--tw-max", defaultValue = "100", description = "Last waiting time in tau.")
    double twMax;
    @Option(names = "--per-decade", defaultValue = "5", description = "Waiting times per decade.")
    int perDecade;
    @Option(names = "--positions", paramLabel = "inherent|thermal", description = "Positions of the softness: default from --summary (settings.inherent_structures), else inherent.")
    String positions;
    @Option(names = "--trap-bins", defaultValue = "2000", description = "S bins of the trap master equation.")
    int trapBins;
    @Option(names = "--trsp-L", defaultValue = "16", description = "TRSP lattice side (default: ${DEFAULT-VALUE}, the demo preset's).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int trspL;
    @Option(names = "--trsp-m", defaultValue = "4", description = "TRSP cluster size, 1 or 4.")
    int trspM;
    @Option(names = "--trsp-tol", defaultValue = "1e-2", description = "TRSP kick window tolerance.")
    double trspTol;
    @Option(names = "--trsp-trajectories", defaultValue = "8", description = "TRSP trajectories per T_F.")
    int trspTrajectories;
    @Option(names = "--seed", defaultValue = "1", description = "Base seed.")
    long seed;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;
    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec cmd;

    /** A matching factor with where it came from. */
    record Match(double factor, boolean matched, String source) {
        Map<String, Object> asMap() {
            return Csv.map("factor", factor, "matched", matched, "source", source);
        }
    }

    @Override
    public Integer call() throws Exception {
        OptionChecks.positive(tI, "--ti");
        for (double t : tF) OptionChecks.positive(t, "--tf");
        OptionChecks.atLeast(n, 2, "--n");
        OptionChecks.memory(n, SimulateCommand.MD_BYTES_PER_PARTICLE, "--n " + n + " (particles)");
        OptionChecks.atLeast(replicas, 1, "--replicas");
        OptionChecks.atLeast(equilibrate, 0, "--equilibrate");
        OptionChecks.atLeast(meltSteps, 0, "--melt-steps");
        OptionChecks.atLeast(perDecade, 1, "--per-decade");
        OptionChecks.atLeast(trapBins, 16, "--trap-bins");
        OptionChecks.atLeast(trspTrajectories, 2, "--trsp-trajectories");
        if (trspL < 2 || trspL > 128) throw new IllegalArgumentException("--trsp-L must be in [2, 128], got " + trspL);
        if (trspM != 1 && trspM != 4) throw new IllegalArgumentException("--trsp-m must be 1 or 4, got " + trspM);
        OptionChecks.inRange(trspTol, 0, 0.999, "--trsp-tol");
        if (trapFactor != null) OptionChecks.positive(trapFactor, "--trap-factor");
        if (trspFactor != null) OptionChecks.positive(trspFactor, "--trsp-factor");
        if (!Files.isRegularFile(modelFile)) throw new IllegalArgumentException("--model: " + modelFile + " does not exist or is not a file");
        if (initial != null && !Files.isRegularFile(initial)) throw new IllegalArgumentException("--initial: " + initial + " does not exist or is not a file");
        if (!noModels && params == null) throw new IllegalArgumentException("give --params FILE (model parameters for the trap and TRSP curves) or --no-models");
        if (params != null && !Files.isRegularFile(params)) throw new IllegalArgumentException("--params: " + params + " does not exist or is not a file");
        if (summary != null && !Files.isRegularFile(summary)) throw new IllegalArgumentException("--summary: " + summary + " does not exist or is not a file");
        int nt = run.threads();
        WaitingTimes waiting = WaitingTimes.logSpaced(twMin, twMax, perDecade, dt);
        JsonNode sum = summary != null ? new ObjectMapper().readTree(summary.toFile()) : null;
        boolean inherent = inherentPositions(sum);
        String potential = "ka";
        QuenchProtocol protocol = new QuenchProtocol(potential, n, density != null ? density : Models.defaultDensity(potential),
                Models.defaultFractionA(potential), tI, tF, dt, tdamp, org.softglass.core.simulate.MdSystem.DEFAULT_SKIN, meltTemperature, initial != null ? 0 : meltSteps,
                equilibrate, initial != null ? initial.toString() : null, waiting, inherent, seed);
        SoftnessModel model = SoftnessModel.read(modelFile);
        ModelParameters p = params != null ? ModelParameters.read(params) : null;
        if (p != null && !noModels) {   // refuse temperatures the models cannot take before any MD is run
            TrapModel tm = TrapModel.of(p);
            tm.checkTemperature(tI);
            for (double t : tF) tm.checkTemperature(t);
            for (double t : tF) org.softglass.core.trsp.TrspModel.of(p, t, trspL, trspM, 1.0);
            org.softglass.core.trsp.TrspModel.of(p, tI, trspL, trspM, 1.0);
        }
        Match fTrap = factor(sum, "trap", trapFactor), fTrsp = factor(sum, "trsp", trspFactor);

        Files.createDirectories(out);
        claim(protocol, nt);
        java.io.PrintWriter err = cmd.commandLine().getErr();
        double[] tw = waiting.times();
        Map<Double, double[][]> md = new LinkedHashMap<>(), uis = new LinkedHashMap<>();
        for (double t : tF) { md.put(t, new double[replicas][]); uis.put(t, new double[replicas][]); }
        long perReplica = QuenchReplica.totalSteps(protocol);
        try (SoftnessProbe probe = new SoftnessProbe(model, Models.byName(potential), inherent, nt);
             Progress bar = Progress.of("md-aging", perReplica * replicas, "steps", run.quiet())) {
            for (int r = 0; r < replicas; r++) {
                long base = r * perReplica;
                Path dir = out.resolve("replicas").resolve(String.format(Locale.ROOT, "r%03d", r));
                List<QuenchReplica.Series> series = QuenchReplica.run(protocol, r, dir, probe, nt, done -> bar.stepTo(base + done));
                for (QuenchReplica.Series s : series) {
                    md.get(s.tFinal())[r] = s.meanS();
                    uis.get(s.tFinal())[r] = s.uIs();
                }
            }
        }

        List<AgingTable.Row> rows = new ArrayList<>();
        List<Map<String, Object>> perT = new ArrayList<>();
        Plot plot = Plot.xy(String.format(Locale.ROOT, "Aging after a quench from T_I = %.3g (%s)", tI,
                fTrap.matched() || fTrsp.matched() ? "model times matched" : "unmatched"), "t_w (tau)", "<S>").logX();
        for (double t : tF) {
            ModelCurve trap = null, trsp = null;
            if (!noModels) {
                double lo = tw[1], hi = tw[tw.length - 1];
                trap = ModelAging.trap(p, tI, t, lo * fTrap.factor(), hi * fTrap.factor(), trapBins);
                double[] raw = new double[tw.length - 1];
                for (int k = 1; k < tw.length; k++) raw[k - 1] = tw[k] * fTrsp.factor();
                trsp = ModelAging.trsp(p, tI, t, raw, trspL, trspM, trspTol, trspTrajectories, seed, nt);
            }
            List<AgingTable.Row> r = AgingTable.rows(t, tw, md.get(t), trap, fTrap.factor(), trsp, fTrsp.factor());
            rows.addAll(r);
            perT.add(perTemperature(t, r, md.get(t), uis.get(t), p, trap, trsp));
            double[] x = positive(tw), y = new double[x.length], e = new double[x.length], a = new double[x.length], b = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                AgingTable.Row row = r.get(k + 1);
                y[k] = row.mdMean(); e[k] = row.mdError(); a[k] = row.trap(); b[k] = row.trsp();
            }
            String lab = String.format(Locale.ROOT, "T_F=%.3g", t);
            plot.errors("MD " + lab, x, y, e);
            if (!noModels) plot.line("trap " + lab, x, a).line("TRSP " + lab, x, b);
        }

        List<Object[]> csv = new ArrayList<>();
        for (AgingTable.Row r : rows) {
            csv.add(new Object[] {r.tFinal(), r.tw(), r.mdMean(), r.mdError(), r.replicas(), r.trap(), r.trsp(), r.trspError()});
        }
        Path csvFile = out.resolve("aging.csv"), json = out.resolve("aging.json"), png = out.resolve("aging.png");
        Csv.write(csvFile, CSV_HEADER, csv);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("schema", SCHEMA);
        Map<String, Object> settings = new LinkedHashMap<>(protocol.asMap());
        settings.put("replicas", replicas);
        settings.put("threads", nt);
        settings.put("softness_model", modelFile.toString());
        settings.put("centre_species", probe(model));
        settings.put("md_error", "standard error of the mean over the independent replicas");
        j.put("settings", settings);
        if (!noModels) {
            j.put("models", Csv.map("params", params.toString(), "trap_bins", trapBins, "trsp_L", trspL, "trsp_m", trspM, "trsp_tol", trspTol,
                    "trsp_trajectories", trspTrajectories, "trsp_error", "standard error over TRSP trajectories"));
        }
        j.put("time_matching", Csv.map("matched", fTrap.matched() || fTrsp.matched(),
                "label", fTrap.matched() || fTrsp.matched() ? "matched" : "unmatched",
                "rule", "model value at MD waiting time t_w is the raw model curve at f*t_w (model times / f)",
                "trap", fTrap.asMap(), "trsp", fTrsp.asMap()));
        j.put("temperatures", perT);
        Csv.json(json, j);
        plot.save(png);
        Manifest man = new Manifest(Version.get(), "md-aging");
        settings.forEach(man::param);
        man.input(modelFile);
        if (params != null) man.input(params);
        if (summary != null) man.input(summary);
        if (initial != null) man.input(initial);
        man.param("trap_factor", fTrap.factor()).param("trsp_factor", fTrsp.factor()).param("no_models", noModels)
                .output(csvFile).output(json).output(png).result("rows", rows.size());
        man.write(out.resolve("manifest.json"));
        if (!run.quiet()) {
            for (Map<String, Object> m : perT) err.println("softglass: md-aging " + m.get("summary"));
            err.flush();
        }
        return ExitCodes.OK;
    }

    private static String probe(SoftnessModel m) {
        Object set = m.training().get("feature_set");
        return set instanceof Map<?, ?> fs && fs.get("center_species") instanceof String s ? s : "all";
    }

    /** The t_w &gt; 0 (the log axis of the plot). */
    private static double[] positive(double[] tw) { return java.util.Arrays.copyOfRange(tw, 1, tw.length); }

    /** Whether ⟨S⟩ is measured on inherent structures: --positions, else the summary's setting, else yes. */
    private boolean inherentPositions(JsonNode sum) {
        if (positions != null) {
            return switch (positions) {
                case "inherent" -> true;
                case "thermal" -> false;
                default -> throw new IllegalArgumentException("--positions must be inherent or thermal, got '" + positions + "'");
            };
        }
        JsonNode s = sum == null ? null : sum.path("settings").get("inherent_structures");
        return s == null || !s.isBoolean() || s.asBoolean();
    }

    /** The factor of one model: explicit, else the summary's time_matching, else 1 (unmatched). */
    private Match factor(JsonNode sum, String name, Double explicit) {
        if (explicit != null) return new Match(explicit, true, "--" + name + "-factor");
        if (sum == null) return new Match(1, false, "none (no --summary)");
        JsonNode tm = sum.get("time_matching");
        if (tm == null || !tm.isObject()) {
            throw new IllegalArgumentException("--summary: " + summary + " has no time_matching block (a pipeline run from before time matching?);"
                    + " give --trap-factor and --trsp-factor, or leave out --summary for unmatched curves");
        }
        JsonNode f = tm.path(name).get("factor");
        if (f == null || !f.isNumber() || !(f.asDouble() > 0)) {
            return new Match(1, false, "summary refused " + name + " matching: " + tm.path(name).path("refused").asText("no factor"));
        }
        return new Match(f.asDouble(), true, summary.toString());
    }

    /** Protects --out from a run with other settings: aging-run.json holds the settings of the run that owns the replicas. */
    private void claim(QuenchProtocol protocol, int nt) throws IOException {
        Map<String, Object> key = new LinkedHashMap<>(protocol.asMap());
        key.put("threads", nt);
        key.put("softness_model_sha256", Manifest.sha256(modelFile));
        Path f = out.resolve("aging-run.json");
        ObjectMapper om = new ObjectMapper();
        String mine = om.writeValueAsString(key);
        if (Files.exists(f)) {
            String prior = om.writeValueAsString(om.readValue(f.toFile(), Map.class));
            if (!prior.equals(mine)) {
                throw new IllegalArgumentException("--out: " + out + " holds an md-aging run with other settings (" + f
                        + "); choose another --out or remove it");
            }
            return;
        }
        Csv.json(f, key);
    }

    /** The per-T_F block of aging.json: first and late MD values, equilibrium ⟨S⟩ at T_F, per-replica series. */
    private Map<String, Object> perTemperature(double t, List<AgingTable.Row> r, double[][] reps, double[][] uIs, ModelParameters p,
                                               ModelCurve trap, ModelCurve trsp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("T_F", t);
        AgingTable.Row first = r.getFirst(), last = r.getLast();
        m.put("md_t0", Csv.map("t_w", first.tw(), "mean_s", fin(first.mdMean()), "error", fin(first.mdError())));
        m.put("md_late", Csv.map("t_w", last.tw(), "mean_s", fin(last.mdMean()), "error", fin(last.mdError())));
        Double eqFit = p != null && p.meanS() != null ? p.meanS().at(t) : null;
        Double eqTrap = null;
        if (p != null) {
            try {
                TrapModel tm = TrapModel.of(p);
                tm.checkTemperature(t);
                eqTrap = tm.meanS(t);
            } catch (IllegalArgumentException e) {
                eqTrap = null;
            }
        }
        m.put("equilibrium_mean_s_fit", eqFit);
        m.put("equilibrium_mean_s_fit_source", "params meanS: a + b/T, the fit of the MD equilibrium <S>(T)");
        m.put("equilibrium_mean_s_trap", eqTrap);
        if (eqFit != null) {
            double d = last.mdMean() - eqFit;
            m.put("late_minus_equilibrium", fin(d));
            m.put("late_minus_equilibrium_in_se", Double.isFinite(last.mdError()) && last.mdError() > 0 ? fin(d / last.mdError()) : null);
        }
        if (trap != null) m.put("trap_at_late", fin(last.trap()));
        if (trsp != null) m.put("trsp_at_late", fin(last.trsp()));
        List<List<Double>> series = new ArrayList<>(), energies = new ArrayList<>();
        for (double[] v : reps) series.add(java.util.Arrays.stream(v).mapToObj(x -> Double.isFinite(x) ? x : null).toList());
        for (double[] v : uIs) energies.add(java.util.Arrays.stream(v).mapToObj(x -> Double.isFinite(x) ? x : null).toList());
        m.put("md_replicas_mean_s", series);
        m.put("md_replicas_u_is_per_atom", energies);
        m.put("summary", String.format(Locale.ROOT, "T_F=%.3g: <S>_MD(0)=%.4f+-%.4f, <S>_MD(%.3g)=%.4f+-%.4f, equilibrium %s, trap %s, TRSP %s",
                t, first.mdMean(), first.mdError(), last.tw(), last.mdMean(), last.mdError(), eqFit == null ? "n/a" : String.format(Locale.ROOT, "%.4f", eqFit),
                Double.isFinite(last.trap()) ? String.format(Locale.ROOT, "%.4f", last.trap()) : "n/a",
                Double.isFinite(last.trsp()) ? String.format(Locale.ROOT, "%.4f", last.trsp()) : "n/a"));
        return m;
    }

    private static Double fin(double v) { return Double.isFinite(v) ? v : null; }

}
