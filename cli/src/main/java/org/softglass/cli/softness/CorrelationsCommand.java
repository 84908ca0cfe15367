package org.softglass.cli.softness;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.options.SpeciesConverter;
import org.softglass.core.util.Format;
import org.softglass.cli.Csv;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.study.Species;
import org.softglass.study.correlate.CorrelationStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass correlations TRAJ SOFTNESS_DIR [--events EVENTS.csv] --out DIR} (paper 002 §V, App. E): C_S(r) with
 * its eq-29 fit and, with events, the softness kicks around rearrangements ({@link CorrelationStudy}). A refusal of the
 * kicks exits 1 after C_S(r) is written (correlations.json records why).
 */
@Command(name = "correlations", mixinStandardHelpOptions = true,
        description = {"Softness spatial correlation C_S(r) and softness changes around rearrangements (paper 002, section V and App. E).",
                "Writes DIR/cs.csv, DIR/cs.png, DIR/correlations.json, DIR/correlations.manifest.json; with --events also",
                "DIR/kicks.csv (r,n,eta,eta_err,sigma,sigma_err,sigma_clamped,rho,rho_err,pairs,cov_obs,bg_pairs,cov_bg), DIR/kicks_mean.csv, DIR/kicks.png;",
                "with --params DIR/model-parameters.json. rho is background-subtracted (paper 002 App. E applied to the pair covariance);",
                "a rho fit above 1 between lattice sites or a kick covariance K_Delta that is not positive definite on the unit lattice is refused (exit 1, after C_S(r) is written)."})
public final class CorrelationsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRAJ", description = "Trajectory the softness rows index (frame = 0-based frame of this file): " + Formats.TRAJECTORY + ".")
    Path traj;

    @Parameters(index = "1", paramLabel = "SOFTNESS_DIR", description = "softness.npy and rows.npy.")
    Path softness;

    @Option(names = "--events", paramLabel = "EVENTS.csv", description = "Rearrangement events (id,type,frame_start,frame_end,frame_peak,t_start,t_end,p_star).")
    Path events;

    @Option(names = "--rmax", defaultValue = "5", description = "Largest r of C_S(r).")
    double rmax;

    @Option(names = "--dr", defaultValue = "0.1", description = "Bin width of C_S(r).")
    double dr;

    @Option(names = "--every", defaultValue = "1", description = "Use every k-th softness frame for C_S(r).")
    int every;

    @Option(names = "--fit-range", defaultValue = "0.9:4", paramLabel = "LO:HI", description = "r range of the C_S eq-29 fit.")
    String fitRange;

    @Option(names = "--window", defaultValue = "5", description = "dS = S(t+window) - S(t-window) around the event peak, time units.")
    double window;

    @Option(names = "--dt", defaultValue = "0.005", description = "MD time step: frame times = timestep x dt.")
    double dt;

    @Option(names = "--p-c", defaultValue = "0.2", description = "Events with p_star >= this are rearrangements.")
    double pc;

    @Option(names = "--r-bins", defaultValue = "0.5:8.5:16", paramLabel = "LO:HI:N", description = "Distance bins for dS.")
    String rBins;

    @Option(names = "--s-bins", defaultValue = "-3:3:12", paramLabel = "LO:HI:N", description = "Softness bins for dS.")
    String sBins;

    @Option(names = "--r-background", defaultValue = "6", description = "Particles at r >= this from every rearranger of the window form the background; pairs of them give the background covariance subtracted from rho.")
    double rBackground;

    @Option(names = "--rearrangers", defaultValue = "A", paramLabel = "A|B|all", converter = SpeciesConverter.class,
            description = {"Species whose events are the rearrangements that set the distance r to the nearest rearranger: A (type 1), B (type 2)",
                    "or all (default: ${DEFAULT-VALUE}, as paper 002). Events of the other species inside the window give no sample and set no r."}, showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Species rearrangers;

    @Option(names = "--min-count", defaultValue = "20", description = "Fewest samples for an (r, S) cell.")
    long minCount;

    @Option(names = "--params", paramLabel = "FILE.json", description = "Model-parameter file to extend with cS, sigmaDelta, rhoDelta (written to DIR/model-parameters.json).")
    Path params;

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws Exception {
        SoftnessBins rb = Csv.bins(rBins, "--r-bins"), sb = Csv.bins(sBins, "--s-bins"); // checked before any input is read
        double[] fr = Csv.range(fitRange, "--fit-range");
        Species sp = rearrangers;
        CorrelationStudy.Kicks kicks = new CorrelationStudy.Kicks(events, window, pc, rb, sb, rBackground, sp, minCount);
        CorrelationStudy.Result r = CorrelationStudy.run(new CorrelationStudy.Request(traj, softness, rmax, dr, every, fr[0], fr[1], dt,
                events != null ? kicks : null, params), run.dir(), run.context());
        if (r.kicksFailure() != null) throw r.kicksFailure();   // C_S(r) is written; the kicks were refused (correlations.json says why)
        if (!run.quiet()) {
            System.out.println("C_S: c0 = " + Format.g4(r.cs().c0()) + ", c1 = " + Format.g4(r.csFit().form().c1()) + ", xi = " + Format.g4(r.csFit().form().xi())
                    + (r.kicks() != null ? "; sigma_Delta xi = " + Format.g4(r.kicks().sigma().form().xi()) + ", rho xi = " + Format.g4(r.kicks().rho().form().xi()) : ""));
        }
        return ExitCodes.OK;
    }
}
