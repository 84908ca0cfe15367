package org.softglass.cli.dynamics;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.study.dynamics.SelfDynamicsStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass fs TRAJ --out DIR --temperature T}: the self-intermediate scattering function F_s(q_max, t), the MSD
 * and τ_α (F_s = 0.2) of a trajectory, with the inherent-structure transition rate of 004 Fig. 5 when given the IS
 * energies ({@link SelfDynamicsStudy}).
 */
@Command(name = "fs", mixinStandardHelpOptions = true,
        description = {"Self-intermediate scattering function F_s(q_max,t), MSD and tau_alpha (F_s = 0.2) of a trajectory.",
                "Writes DIR/fs.csv, DIR/sq.csv, DIR/fs.json, DIR/fs.png, DIR/msd.png and DIR/manifest.json."})
public final class FsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRAJ", description = "Trajectory, frames equally spaced: " + Formats.TRAJECTORY + ".")
    Path traj;

    @Option(names = {"-T", "--temperature"}, required = true, paramLabel = "T", description = "Temperature of the run (for t0 = a0/sqrt(T)).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    double temperature;

    @Option(names = "--timestep", defaultValue = "0.005", paramLabel = "DT", description = "MD time step: frame spacing = timestep difference x DT.")
    double timestep;

    @Option(names = "--type", defaultValue = "1", paramLabel = "TYPE", description = "LAMMPS type used for S(q) and F_s (default: ${DEFAULT-VALUE}; 0 = all).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int type;

    @Option(names = "--q", paramLabel = "Q", description = "Wave number (default: first peak of S(q) above --q-min).")
    Double q;

    @Option(names = "--q-min", defaultValue = "2.0", paramLabel = "Q", description = "Search the S(q) peak above this q.")
    double qMin;

    @Option(names = "--per-decade", defaultValue = "20", paramLabel = "N", description = "Lags per decade.")
    int perDecade;

    @Option(names = "--is-energy", paramLabel = "CSV", description = "is_energy.csv of quench / simulate --inherent of this trajectory "
            + "(columns timestep or step, and u_is_per_atom; timesteps must be frames of TRAJ): also the inherent-structure transition rate (paper 004 Fig. 5).")
    Path isEnergy;

    @Option(names = "--is-threshold", defaultValue = "1e-8", paramLabel = "DU",
            description = "Per-atom IS energy change counted as a transition.")
    double isThreshold;

    @Option(names = "--n0", defaultValue = "1000", paramLabel = "N0",
            description = "Reference size of the reduced transition rate Gamma t_ballistic N0/N (paper 004 sets N0 = 1000; default: ${DEFAULT-VALUE}).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int n0;

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws IOException {
        SelfDynamicsStudy.Result r = SelfDynamicsStudy.run(new SelfDynamicsStudy.Request(traj, temperature, timestep, type, q, qMin, perDecade,
                isEnergy, isThreshold, n0), run.dir(), run.context());
        if (r.warning() != null) System.err.println("softglass: warning: tau_alpha undefined: " + r.warning());
        if (!run.quiet()) System.out.printf("fs: q = %.4f, tau_alpha = %s (t0 = %.4g)%n", r.q(), r.tauAlpha(), r.t0());
        return ExitCodes.OK;
    }
}
