package org.softglass.cli.models;

import org.softglass.cli.options.SerialRunOptions;
import org.softglass.cli.ExitCodes;
import java.util.List;
import org.softglass.study.trap.TrapStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass trap relax}: Q̄(t), χ4(t) and the local stretching β(t) at each temperature, over {@code --points}
 * log-spaced times from {@code --decades-before} decades below τ_Q to {@code --decades-after} above (or
 * {@code --t-min/--t-max}); optionally M simulated sites ({@link TrapStudy#relax}).
 */
@Command(name = "relax", mixinStandardHelpOptions = true,
        description = {"Equilibrium relaxation of the trap-like model: Q(t), chi4(t) and their time scales.",
                "Q(t) (eq 16) by adaptive quadrature, chi4 = m(Q - Q^2) (eq 17), tau_Q (Q = 1/e), tau_1/2, tau_chi, chi4*, g_Q and g_chi (eqs 20-21), and the stretching of Q:",
                "beta_local = d ln(-ln Q)/d ln t and a KWW fit over 0.1 <= Q <= 0.9."})
final class TrapRelaxCommand extends TrapSubcommand {
    static final String CSV_HEADER = TrapStudy.CSV_HEADER;
    static final String SUMMARY_HEADER = TrapStudy.SUMMARY_HEADER;

    @Mixin TrapTemperatures temperatures = new TrapTemperatures();

    @Option(names = "--points", defaultValue = "400", description = "Times per curve, log-spaced.")
    int points;

    @Option(names = "--decades-before", defaultValue = "4", description = "Curve starts this many decades below tau_Q.")
    double before;

    @Option(names = "--decades-after", defaultValue = "8", description = "Curve ends this many decades above tau_Q.")
    double after;

    @Option(names = "--t-min", description = "First time (overrides --decades-before).")
    Double tMin;

    @Option(names = "--t-max", description = "Last time (overrides --decades-after).")
    Double tMax;

    @Mixin TrapSites sites = new TrapSites();

    @Mixin SerialRunOptions run = new SerialRunOptions();

    @Override
    public Integer call() throws Exception {
        TrapStudy.Model m = model.study();
        List<Double> ts = temperatures.list(null);
        TrapStudy.relax(new TrapStudy.RelaxRequest(m, ts, points, before, after, tMin, tMax, sites.count(), sites.seed()), output.dir(),
                run.context());
        return ExitCodes.OK;
    }
}
