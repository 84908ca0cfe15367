package org.softglass.cli.dynamics;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.options.SpeciesConverter;
import org.softglass.core.util.Format;
import org.softglass.cli.options.LagGridOptions;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.dynamics.InherentOverlap;
import org.softglass.study.Species;
import org.softglass.study.dynamics.OverlapStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass overlap IS_TRAJ --out DIR}: the inherent-state overlap Q(t), χ4(t), S4/ξ4 and the block χ4 of an MD
 * inherent-structure trajectory ({@link OverlapStudy}). Not the p_hop persistence ({@code softglass persistence}).
 */
@Command(name = "overlap", mixinStandardHelpOptions = true,
        description = {"Inherent-state overlap Q(t), chi4(t) = N Var Q, S4(q, tau_chi) with the Ornstein-Zernike xi4, and block chi4 of an IS trajectory.",
                "I_i(t0,t) = 1 while |r_i^IS(t0+t') - r_i^IS(t0)| < a for all t' <= t (so Q(0) = 1); displacements follow each particle from frame",
                "to frame by the minimum image, so wrapped and unwrapped dumps give the same result. Origins every --origin-stride frames.",
                "Writes DIR/overlap.csv (t,Q,chi4,Q_err,origins,lag_frames), DIR/overlap.json, DIR/s4.csv (m,q,S4,S4_oz),",
                "DIR/blocks.csv (divisions,ell,per_block,t,chi4), DIR/overlap.png and DIR/manifest.json."})
public final class OverlapCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IS_TRAJ", description = "Inherent structures (md/T…/is.dump), frames equally spaced, the same ids in every frame: " + Formats.TRAJECTORY + ".")
    Path traj;

    @Option(names = "--a", paramLabel = "A", defaultValue = "0.3",
            description = "Displacement threshold a (sigma) (default: ${DEFAULT-VALUE}, the KA overlap threshold of the chi4 literature, about the cage size; "
                    + "see InherentOverlap.DEFAULT_THRESHOLD).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    double a;

    @Option(names = "--species", paramLabel = "A|B|all", defaultValue = "A", converter = SpeciesConverter.class, description = "Particles counted: A (type 1), B (type 2) or all (default: ${DEFAULT-VALUE}, as the papers).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Species species;

    @Option(names = {"--timestep", "--dt"}, paramLabel = "DT", defaultValue = "0.005", description = "MD time step: frame spacing = timestep difference x DT.")
    double timestep;

    @Mixin
    LagGridOptions lags = new LagGridOptions();

    @Option(names = "--origin-stride", paramLabel = "FRAMES", defaultValue = "1", description = "Time origins every this many frames.")
    int stride;

    @Option(names = "--nq", paramLabel = "M", defaultValue = "4", description = "Wave numbers q = 2 pi m / L, m = 1..M along each axis, for S4 (default: ${DEFAULT-VALUE}; 0: no S4).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int nq;

    @Option(names = "--min-block", paramLabel = "ELL", defaultValue = "2.0", description = "Smallest sub-box side (sigma) of the block chi4: boxes L/m for m = 1, 2, … while L/m >= ELL.")
    double minBlock;

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws IOException {
        OverlapStudy.Result res = OverlapStudy.run(new OverlapStudy.Request(traj, a, species, timestep, lags.perDecade(), lags.maxLag(), stride, nq, minBlock),
                run.dir(), run.context());
        InherentOverlap.Result r = res.overlap();
        if (res.warning() != null && !run.quiet()) System.err.println("softglass: warning: " + res.warning());   // overlap.json says it too
        if (!run.quiet()) {
            InherentOverlap.S4 s4 = r.s4();
            System.out.println(Chi4Summary.line("overlap", r.particles(), species, "a = " + a, r.tauQ(), r.tauChi(), r.chi4Star())
                    + ", xi4 = " + (s4 == null ? "-" : Format.g4(s4.xi4())) + " -> " + run.dir());
        }
        return ExitCodes.OK;
    }
}
