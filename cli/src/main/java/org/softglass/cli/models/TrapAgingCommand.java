package org.softglass.cli.models;

import org.softglass.cli.options.SeedOption;
import org.softglass.cli.options.OutputDir;
import org.softglass.cli.Csv;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OptionChecks;
import org.softglass.cli.Progress;
import org.softglass.cli.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.core.trap.AgingSolver;
import org.softglass.core.trap.SiteSimulation;
import org.softglass.core.trap.TrapModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass trap aging}: ⟨S(t_w)⟩ after a quench T_I → T_F from the master equation (eq 5, see
 * {@link AgingSolver} for the method and its accuracy), optionally with M simulated sites. Writes
 * {@code aging.csv} (T_F,t_w,mean_s,var_s,flux[,mean_s_mc,mean_s_mc_err]), {@code aging_density.csv}
 * (T_F,t_w,S,P: P_tw(S) once per decade of t_w), {@code aging_mean_s.png} (⟨S⟩ vs t_w, log axis),
 * {@code trap_parameters.json} and {@code aging.manifest.json}.
 */
@Command(name = "aging", mixinStandardHelpOptions = true,
        description = {"Aging of <S> after a quench from equilibrium at T_I to T_F (the master equation, eq 5).",
                "On a fine S grid, integrated exactly per bin with a linear-in-time rearrangement flux (2nd order, log-spaced steps)."})
final class TrapAgingCommand implements Callable<Integer> {
    static final String CSV_HEADER = "T_F,t_w,mean_s,var_s,flux";

    @Mixin TrapCommand.ModelOptions model = new TrapCommand.ModelOptions();

    @Option(names = "--ti", defaultValue = "1.0", description = "Initial (equilibrium) temperature T_I.")
    double tI;

    @Option(names = "--tf", required = true, split = ",", paramLabel = "T", description = "Final temperatures T_F (comma list).")
    List<Double> tF;

    @Option(names = "--bins", defaultValue = "2000", description = "S bins.")
    int bins;

    @Option(names = "--tw-min", defaultValue = "1", description = "First waiting time.")
    double twMin;

    @Option(names = "--tw-max", defaultValue = "1e10", description = "Last waiting time.")
    double twMax;

    @Option(names = "--outputs-per-decade", defaultValue = "10", description = "Output times per decade.")
    int perDecade;

    @Option(names = "--steps-per-output", defaultValue = "20", description = "Time steps between outputs (default: ${DEFAULT-VALUE}; error in <S> ~1e-6 at 200 steps/decade).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int perOutput;

    @Option(names = "--sites", defaultValue = "0", paramLabel = "M", description = "Also simulate M independent sites exactly (0: off; default: ${DEFAULT-VALUE}).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int sites;

    @picocli.CommandLine.Mixin
    SeedOption seedOption = new SeedOption();

    @picocli.CommandLine.Mixin
    OutputDir output = new OutputDir();

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;


    /** Memory of one S bin of {@link AgingSolver}: 8 double arrays over the bins (bytes). */
    static final long AGING_BYTES_PER_BIN = 8 * 8;
    /** Memory of one output time: t_w, mean, variance, flux (doubles, bytes). */
    static final long OUTPUT_BYTES = 4 * 8;
    /** Memory of one simulated site of {@code SiteSimulation}: its softness (a double, bytes). */
    static final long SITE_BYTES = org.softglass.study.trap.TrapStudy.SITE_BYTES;

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast(bins, 16, "--bins");
        OptionChecks.memory(bins, AGING_BYTES_PER_BIN, "--bins " + bins + " (S bins)");
        OptionChecks.positive(twMin, "--tw-min");
        if (!(twMax > twMin)) throw new IllegalArgumentException("--tw-max must be > --tw-min, got --tw-min " + twMin + " --tw-max " + twMax);
        OptionChecks.atLeast(perDecade, 1, "--outputs-per-decade");
        OptionChecks.atLeast(perOutput, 1, "--steps-per-output");
        OptionChecks.memory((long) Math.ceil(Math.log10(twMax / twMin) * perDecade) + 1, OUTPUT_BYTES,
                "--outputs-per-decade " + perDecade + " over --tw-min " + twMin + " .. --tw-max " + twMax + " (outputs)");
        OptionChecks.atLeast(sites, 0, "--sites");
        OptionChecks.memory(sites, SITE_BYTES, "--sites " + sites + " (simulated sites)");
        ModelParameters p = model.parameters();
        TrapModel m = TrapModel.of(p);
        m.checkTemperature(tI);
        for (double t : tF) m.checkTemperature(t);
        if (sites < 0) throw new IllegalArgumentException("--sites must be >= 0, got " + sites);
        Path dir = TrapCommand.outDir(output.dir());
        StringBuilder csv = new StringBuilder(CSV_HEADER + (sites > 0 ? ",mean_s_mc,mean_s_mc_err" : "") + "\n");
        StringBuilder dens = new StringBuilder("T_F,t_w,S,P\n");
        Plot plot = Plot.xy("Trap-like model: aging after a quench from T_I = " + tI, "t_w", "<S>").logX();
        long steps = 0;
        double defect = 0;
        int nOut = Math.max(2, (int) Math.round(Math.log10(twMax / twMin) * perDecade) + 1);
        try (Progress progress = Progress.of("trap aging", (long) nOut * tF.size(), "outputs", quiet)) {
            int done = 0;
            for (double t : tF) {
                AgingSolver solver = new AgingSolver(m, tI, t, bins);
                final int base = done;
                AgingSolver.Result r = solver.run(twMin, twMax, perDecade, perOutput, perDecade, null, k -> progress.stepTo(base + k));
                done += r.times().length;
                steps += r.steps();
                defect = Math.max(defect, r.maxMassDefect());
                SiteSimulation.Aging mc = sites > 0 ? SiteSimulation.aging(m, tI, t, sites, seedOption.seed(), r.times()) : null;
                for (int j = 0; j < r.times().length; j++) {
                    csv.append(t).append(',').append(r.times()[j]).append(',').append(r.meanS()[j]).append(',').append(r.varS()[j])
                            .append(',').append(r.flux()[j]);
                    if (mc != null) csv.append(',').append(mc.mean()[j]).append(',').append(mc.stdError()[j]);
                    csv.append('\n');
                }
                double[] s = solver.centers();
                for (AgingSolver.Snapshot snap : r.snapshots()) {
                    for (int i = 0; i < s.length; i++) {
                        dens.append(t).append(',').append(snap.time()).append(',').append(s[i]).append(',').append(snap.density()[i]).append('\n');
                    }
                }
                plot.line("T_F=" + t, r.times(), r.meanS());
                if (mc != null) plot.errors("sites T_F=" + t, r.times(), mc.mean(), mc.stdError());
            }
        }
        Csv.writeText(dir.resolve("aging.csv"), csv);
        Csv.writeText(dir.resolve("aging_density.csv"), dens);
        plot.save(dir.resolve("aging_mean_s.png"));
        p.write(dir.resolve("trap_parameters.json"));
        Manifest man = new Manifest(Version.get(), "trap aging");
        model.describe(man, p);
        man.param("t_i", tI).param("t_f", tF).param("bins", bins).param("tw_min", twMin).param("tw_max", twMax)
                .param("outputs_per_decade", perDecade).param("steps_per_output", perOutput).param("sites", sites).param("seed", seedOption.seed())
                .output(dir.resolve("aging.csv")).output(dir.resolve("aging_density.csv")).output(dir.resolve("aging_mean_s.png"))
                .output(dir.resolve("trap_parameters.json")).result("time_steps", steps).result("max_mass_defect_per_step", defect)
                .write(dir.resolve("aging.manifest.json"));
        return ExitCodes.OK;
    }
}
