package org.softglass.study.trsp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.trsp.OverlapRecorder;
import org.softglass.core.trsp.SoftnessRecorder;
import org.softglass.core.trsp.TrspDynamics;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.WindowedKick;
import org.softglass.core.util.Grids;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * Aging of the TRSP model (paper 002 §VII C): a quench from the equilibrium of T_I (S ~ N(μ(T_I), K)), then evolution
 * at each T_F. ⟨S(t)⟩ is recorded at {@value #TIMES} log-spaced times from t_end/10⁴ to t_end, where t_end = events / R0
 * and R0 is the total rate of the quenched state at T_F, and averaged over independent trajectories (trajectory k uses
 * seed + k). Writes DIR/aging.csv (T_I,T_F,t,mean_S,mean_S_error,equilibrium_mean_S; mean_S_error the standard error of
 * the trajectory mean), DIR/aging.png and DIR/manifest.json.
 */
public final class TrspAgingStudy {
    /** Recorded times per T_F. */
    public static final int TIMES = 40;

    private TrspAgingStudy() {}

    /**
     * @param tInitial     T_I, the temperature of the initial equilibrium, &gt; 0
     * @param tFinal       the temperatures T_F after the quench, each &gt; 0
     * @param trajectories independent trajectories per T_F, ≥ 2 (the error is their spread)
     * @param events       rearrangements per trajectory, approximately, ≥ 1
     * @param seed         the base seed
     */
    public record Request(TrspSetup setup, double tInitial, List<Double> tFinal, int trajectories, long events, long seed) {
        public Request {
            tFinal = List.copyOf(tFinal);
            Checks.positive(tInitial, "tInitial");
            for (double t : tFinal) Checks.positive(t, "tFinal");
            Checks.atLeast(trajectories, 2, "trajectories");
            Checks.atLeast(events, 1, "events");
            TrspStudy.checkLattice(setup.side(), setup.clusterSize(), setup.facilitation());
        }
    }

    /**
     * One T_F's curve.
     *
     * @param times              the recorded times t
     * @param meanS              ⟨S(t)⟩ over the trajectories
     * @param error              its standard error
     * @param equilibriumMeanS   μ(T_F), the equilibrium ⟨S⟩ it ages towards
     */
    public record Curve(double tFinal, double[] times, double[] meanS, double[] error, double equilibriumMeanS) {}

    /** The curve of each T_F, in order. */
    public record Result(List<Curve> curves) {}

    /** Runs the trajectories at each T_F and writes {@code dir}. */
    public static Result run(Request req, Path dir, StudyContext ctx) throws IOException {
        TrspSetup setup = req.setup();
        TrspStudy.checkMemory(setup.side(), req.trajectories(), ctx.threads());
        double tInitial = req.tInitial();
        int trajectories = req.trajectories();
        long seed = req.seed();
        Files.createDirectories(dir);
        double muI = setup.at(tInitial).mu();
        StringBuilder csv = new StringBuilder("T_I,T_F,t,mean_S,mean_S_error,equilibrium_mean_S\n");
        Plot plot = Plot.xy(String.format(Locale.ROOT, "Aging from T_I = %.3g", tInitial), "t", "⟨S(t)⟩").logX();
        List<Curve> curves = new ArrayList<>();
        try (StudyContext.Meter bar = ctx.progress().start("trsp aging", (long) req.tFinal().size() * trajectories, "trajectories")) {
            AtomicLong done = new AtomicLong();   // trajectories end on worker threads
            for (double t : req.tFinal()) {
                TrspModel m = setup.at(t);
                List<WindowedKick> kicks = TrspEnsemble.kicks(m, setup.tol());
                double[] s0 = new double[m.lattice().sites()];
                m.covariance().sample(muI, new SplittableRandom(seed), s0);
                double tEnd = req.events() / new TrspDynamics(m, kicks, s0, seed).totalRate();
                double[] times = Grids.logSpaced(tEnd * 1e-4, tEnd, TIMES);
                var runs = TrspEnsemble.run(m, kicks, muI, trajectories, seed, tEnd, times, new TrspEnsemble.Recorders() {
                    public OverlapRecorder overlap() { return null; }
                    public SoftnessRecorder softness() { return new SoftnessRecorder(m.lattice(), 0, -4, 2, 1); }
                }, ctx.threads(), k -> { synchronized (done) { bar.stepTo(done.incrementAndGet()); } });   // in order: the bar never goes back
                double[] mean = new double[times.length], err = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    double s = 0, s2 = 0;
                    for (var r : runs) { double v = r.softness().series().get(i)[1]; s += v; s2 += v * v; }
                    mean[i] = s / runs.size();
                    err[i] = Descriptive.standardErrorFromSums(runs.size(), s, s2);   // s_{n−1}/√n over the trajectories
                    csv.append(TrspStudy.fmt(tInitial, t, times[i], mean[i], err[i], m.mu()));
                }
                plot.errors(String.format(Locale.ROOT, "T_F=%.3g", t), times, mean, err);
                curves.add(new Curve(t, times, mean, err, m.mu()));
            }
        }
        Path f = dir.resolve("aging.csv");
        String body = csv.toString();
        AtomicOutput.write(f, o -> o.write(body.getBytes(StandardCharsets.UTF_8)));
        Path png = dir.resolve("aging.png");
        plot.save(png);
        Manifest man = new Manifest(ctx.version(), "trsp aging");
        setup.describe(man);
        man.param("T_initial", tInitial).param("T_final", req.tFinal()).param("trajectories", trajectories).param("events", req.events())
                .param("seed", seed).param("threads", ctx.threads()).output(f.getFileName()).output(png.getFileName());
        man.write(dir.resolve("manifest.json"));
        return new Result(List.copyOf(curves));
    }
}
