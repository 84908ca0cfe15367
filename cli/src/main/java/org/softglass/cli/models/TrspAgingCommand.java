package org.softglass.cli.models;

import org.softglass.cli.options.OutputDir;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OptionChecks;
import org.softglass.cli.Progress;
import org.softglass.cli.RunOptions;
import org.softglass.cli.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.core.trsp.SoftnessRecorder;
import org.softglass.core.trsp.TrspDynamics;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.WindowedKick;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass trsp aging}: quench from the equilibrium of T_I (S ~ N(μ(T_I), K)) and evolve at each
 * T_F ({@code 002} §VII C). ⟨S(t)⟩ is recorded at 40 log-spaced times from t_end/10⁴ to t_end, where
 * t_end = events / R0 and R0 is the total rate of the quenched state at T_F; averaged over trajectories.
 * Writes DIR/aging.csv (T_I,T_F,t,mean_S,mean_S_error,equilibrium_mean_S), DIR/aging.png and DIR/manifest.json.
 */
@Command(name = "aging", mixinStandardHelpOptions = true, description = "Aging after a quench T_I → T_F: ⟨S(t)⟩; CSV + PNG + manifest.")
final class TrspAgingCommand implements Callable<Integer> {
    @Mixin TrspModelOptions model;
    @Mixin RunOptions run;

    @Option(names = "--T-initial", required = true, paramLabel = "T_I", description = "Temperature of the initial equilibrium.")
    double tInitial;

    @Option(names = "--T-final", required = true, split = ",", paramLabel = "T_F[,T_F...]", description = "Temperatures after the quench.")
    List<Double> tFinal;

    @Option(names = "--trajectories", defaultValue = "8", description = "Independent trajectories per T_F.")
    int trajectories;

    @Option(names = "--events", defaultValue = "200000", description = "Rearrangements per trajectory, approximately.")
    long events;

    @Option(names = "--seed", defaultValue = "1", description = "Base seed.")
    long seed;

    @picocli.CommandLine.Mixin
    OutputDir output = new OutputDir();

    @Override
    public Integer call() throws Exception {
        OptionChecks.positive(tInitial, "--T-initial");
        for (double t : tFinal) OptionChecks.positive(t, "--T-final");
        OptionChecks.atLeast(trajectories, 2, "--trajectories");
        OptionChecks.atLeast(events, 1, "--events");
        model.checkSizes(trajectories, run.threads());
        if (trajectories < 2) throw new IllegalArgumentException("--trajectories must be >= 2, got " + trajectories);
        if (!(tInitial > 0)) throw new IllegalArgumentException("--T-initial must be > 0, got " + tInitial);
        ModelParameters p = model.parameters();
        List<Double> tf = TrspModelOptions.temperatures(tFinal, "--T-final");
        Files.createDirectories(output.dir());
        double muI = model.model(p, tInitial).mu();
        StringBuilder csv = new StringBuilder("T_I,T_F,t,mean_S,mean_S_error,equilibrium_mean_S\n");
        Plot plot = Plot.xy(String.format(Locale.ROOT, "Aging from T_I = %.3g", tInitial), "t", "⟨S(t)⟩").logX();
        try (Progress bar = Progress.of("trsp aging", (long) tf.size() * trajectories, "trajectories", run.quiet())) {
            for (double t : tf) {
                TrspModel m = model.model(p, t);
                List<WindowedKick> kicks = TrspEnsemble.kicks(m, model.tol);
                double[] s0 = new double[m.lattice().sites()];
                m.covariance().sample(muI, new SplittableRandom(seed), s0);
                double tEnd = events / new TrspDynamics(m, kicks, s0, seed).totalRate();
                double[] times = org.softglass.core.util.Grids.logSpaced(tEnd * 1e-4, tEnd, 40);
                var runs = TrspEnsemble.run(m, kicks, muI, trajectories, seed, tEnd, times, new TrspEnsemble.Recorders() {
                    public org.softglass.core.trsp.OverlapRecorder overlap() { return null; }
                    public SoftnessRecorder softness() { return new SoftnessRecorder(m.lattice(), 0, -4, 2, 1); }
                }, run.threads(), k -> bar.step());
                double[] mean = new double[times.length], err = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    double s = 0, s2 = 0;
                    for (var r : runs) { double v = r.softness().series().get(i)[1]; s += v; s2 += v * v; }
                    mean[i] = s / runs.size();
                    err[i] = Math.sqrt(Math.max(0, s2 / runs.size() - mean[i] * mean[i]) / (runs.size() - 1));
                    csv.append(org.softglass.study.trsp.TrspStudy.fmt(tInitial, t, times[i], mean[i], err[i], m.mu()));
                }
                plot.errors(String.format(Locale.ROOT, "T_F=%.3g", t), times, mean, err);
            }
        }
        Path f = output.dir().resolve("aging.csv");
        String body = csv.toString();
        AtomicOutput.write(f, o -> o.write(body.getBytes(StandardCharsets.UTF_8)));
        Path png = output.dir().resolve("aging.png");
        plot.save(png);
        Manifest man = new Manifest(Version.get(), "trsp aging");
        model.describe(man);
        man.param("T_initial", tInitial).param("T_final", tf).param("trajectories", trajectories).param("events", events)
                .param("seed", seed).param("threads", run.threads()).output(f.getFileName()).output(png.getFileName());
        man.write(output.dir().resolve("manifest.json"));
        return ExitCodes.OK;
    }
}
