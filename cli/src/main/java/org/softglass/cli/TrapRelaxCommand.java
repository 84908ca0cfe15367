package org.softglass.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.core.trap.Relaxation;
import org.softglass.core.trap.SiteSimulation;
import org.softglass.core.trap.TrapModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass trap relax}: Q̄(t), χ4(t) and the local stretching β(t) at each temperature, over
 * {@code --points} log-spaced times from {@code --decades-before} decades below τ_Q to
 * {@code --decades-after} above (or {@code --t-min/--t-max}); optionally M simulated sites.
 * Writes {@code relax.csv} (T,t,Q,chi4,beta_local[,Q_mc,Q_mc_err]), {@code relax_summary.csv}
 * (T,mean_s,sigma_s,k_mean,tau_Q,tau_half,tau_chi,chi4_star,g_Q,g_chi,gamma_sigma,delta_sigma2,
 * delta_sigma_mean,beta_at_tau_Q,beta_kww,tau_kww), {@code relax_Q.png}, {@code relax_chi4.png},
 * {@code trap_parameters.json} and {@code relax.manifest.json}.
 */
@Command(name = "relax", mixinStandardHelpOptions = true,
        description = {"Equilibrium relaxation of the trap-like model: Q(t), chi4(t) and their time scales.",
                "Q(t) (eq 16) by adaptive quadrature, chi4 = m(Q - Q^2) (eq 17), tau_Q (Q = 1/e), tau_1/2, tau_chi, chi4*, g_Q and g_chi (eqs 20-21), and the stretching of Q:",
                "beta_local = d ln(-ln Q)/d ln t and a KWW fit over 0.1 <= Q <= 0.9."})
final class TrapRelaxCommand implements Callable<Integer> {
    static final String CSV_HEADER = "T,t,Q,chi4,beta_local";
    static final String SUMMARY_HEADER = "T,mean_s,sigma_s,k_mean,tau_Q,tau_half,tau_chi,chi4_star,g_Q,g_chi,gamma_sigma,delta_sigma2,delta_sigma_mean,beta_at_tau_Q,beta_kww,tau_kww";

    @Mixin TrapCommand.ModelOptions model = new TrapCommand.ModelOptions();

    @Option(names = {"-T", "--temperature"}, split = ",", paramLabel = "T", description = "Temperatures (comma list).")
    List<Double> temperatures;

    @Option(names = "--t-range", paramLabel = "MIN:MAX:N", description = "N temperatures evenly spaced in 1/T.")
    String range;

    @Option(names = "--points", defaultValue = "400", description = "Times per curve, log-spaced (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--decades-before", defaultValue = "4", description = "Curve starts this many decades below tau_Q (default: ${DEFAULT-VALUE}).")
    double before;

    @Option(names = "--decades-after", defaultValue = "8", description = "Curve ends this many decades above tau_Q (default: ${DEFAULT-VALUE}).")
    double after;

    @Option(names = "--t-min", description = "First time (overrides --decades-before).")
    Double tMin;

    @Option(names = "--t-max", description = "Last time (overrides --decades-after).")
    Double tMax;

    @Option(names = "--sites", defaultValue = "0", paramLabel = "M", description = "Also simulate M independent sites exactly (0: off; default: ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the site simulation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast(points, 2, "--points");
        OptionChecks.memory(points, 8L * 8, "--points " + points + " (times)");
        OptionChecks.atLeast(sites, 0, "--sites");
        OptionChecks.memory(sites, TrapAgingCommand.SITE_BYTES, "--sites " + sites + " (simulated sites)");
        if (tMin != null) OptionChecks.positive(tMin, "--t-min");
        if (tMax != null) OptionChecks.positive(tMax, "--t-max");
        if (tMin != null && tMax != null && !(tMax > tMin)) throw new IllegalArgumentException("--t-max must be > --t-min, got --t-min " + tMin + " --t-max " + tMax);
        ModelParameters p = model.parameters();
        TrapModel m = TrapModel.of(p);
        double mSite = model.m();
        List<Double> ts = TrapCommand.temperatures(temperatures, range, null);
        for (double t : ts) m.checkTemperature(t);
        if (points < 2) throw new IllegalArgumentException("--points must be >= 2, got " + points);
        if (sites < 0) throw new IllegalArgumentException("--sites must be >= 0, got " + sites);
        if (!(before >= 0) || !(after > 0)) throw new IllegalArgumentException("--decades-before must be >= 0 and --decades-after > 0");
        Path dir = TrapCommand.outDir(out);
        StringBuilder csv = new StringBuilder(CSV_HEADER + (sites > 0 ? ",Q_mc,Q_mc_err" : "") + "\n");
        StringBuilder sum = new StringBuilder(SUMMARY_HEADER + "\n");
        Plot qPlot = Plot.xy("Trap-like model: overlap", "t", "Q(t)").logX();
        Plot cPlot = Plot.xy("Trap-like model: chi4 (m = " + mSite + ")", "t", "chi4(t)").logX();
        try (Progress progress = Progress.of("trap relax", ts.size(), "T", quiet)) {
            for (double t : ts) {
                Relaxation r = new Relaxation(m, t);
                Relaxation.Summary s = r.summary(mSite);
                double a = tMin != null ? tMin : s.tauQ() * Math.pow(10, -before);
                double b = tMax != null ? tMax : s.tauQ() * Math.pow(10, after);
                double[] times = org.softglass.core.util.Grids.logSpaced(a, b, points);
                Relaxation.Curve c = r.curve(times, mSite, true);
                double[] mc = sites > 0 ? SiteSimulation.overlap(m, t, sites, seed, times) : null;
                for (int i = 0; i < points; i++) {
                    csv.append(t).append(',').append(times[i]).append(',').append(c.overlap()[i]).append(',').append(c.chi4()[i])
                            .append(',').append(c.stretching()[i]);
                    if (mc != null) csv.append(',').append(mc[i]).append(',').append(Math.sqrt(c.overlap()[i] * (1 - c.overlap()[i]) / sites));
                    csv.append('\n');
                }
                sum.append(t).append(',').append(r.meanS()).append(',').append(r.sigmaS()).append(',').append(s.kMean()).append(',')
                        .append(s.tauQ()).append(',').append(s.tauHalf()).append(',').append(s.tauChi()).append(',').append(s.chi4Star())
                        .append(',').append(s.gQ()).append(',').append(s.gChi()).append(',').append(s.gammaSigma()).append(',')
                        .append(s.deltaSigma2()).append(',').append(s.deltaSigmaMean()).append(',').append(s.betaAtTauQ()).append(',')
                        .append(s.betaKww()).append(',').append(s.tauKww()).append('\n');
                qPlot.line("T=" + t, times, c.overlap());
                cPlot.line("T=" + t, times, c.chi4());
                if (mc != null) qPlot.points("sites T=" + t, times, mc);
                progress.step();
            }
        }
        Csv.writeText(dir.resolve("relax.csv"), csv);
        Csv.writeText(dir.resolve("relax_summary.csv"), sum);
        qPlot.save(dir.resolve("relax_Q.png"));
        cPlot.save(dir.resolve("relax_chi4.png"));
        p.write(dir.resolve("trap_parameters.json"));
        Manifest man = new Manifest(Version.get(), "trap relax");
        model.describe(man, p);
        man.param("temperatures", ts).param("points", points).param("t_min", tMin).param("t_max", tMax)
                .param("decades_before", before).param("decades_after", after).param("sites", sites).param("seed", seed)
                .output(dir.resolve("relax.csv")).output(dir.resolve("relax_summary.csv")).output(dir.resolve("relax_Q.png"))
                .output(dir.resolve("relax_chi4.png")).output(dir.resolve("trap_parameters.json"))
                .write(dir.resolve("relax.manifest.json"));
        return ExitCodes.OK;
    }
}
