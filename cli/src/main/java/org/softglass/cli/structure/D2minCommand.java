package org.softglass.cli.structure;

import org.softglass.cli.options.UnwrappedTrajectory;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.RunOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.study.rearrange.D2minStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code softglass d2min TRAJ --from A --to B --out FILE.csv}: Falk–Langer D²_min ({@link D2minStudy}). */
@Command(name = "d2min", mixinStandardHelpOptions = true,
        description = {"Falk-Langer non-affine displacement D2_min of every particle between frames --from and --to of a trajectory.",
                "(Neighbours within --cutoff in the --from frame; best affine map per particle; sum over neighbours, not normalised).",
                "CSV columns: id,type,d2min,neighbors (d2min = NaN with fewer than 3 non-coplanar neighbours)."})
public final class D2minCommand implements Callable<Integer> {

    @Mixin UnwrappedTrajectory trajectory = new UnwrappedTrajectory();

    @Option(names = "--from", paramLabel = "FRAME", required = true, description = "Reference frame index (0-based).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int from;

    @Option(names = "--to", paramLabel = "FRAME", required = true, description = "Current frame index (> --from).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    int to;

    @Option(names = "--cutoff", paramLabel = "R", defaultValue = "1.5", description = "Neighbour cutoff in the reference frame (sigma).")
    double cutoff;

    @Option(names = "--dt", paramLabel = "TIME", defaultValue = "0.005", description = "MD timestep.")
    double dt;

    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Output CSV (and FILE.csv.manifest.json).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Path out;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        D2minStudy.run(new D2minStudy.Request(trajectory.path(), from, to, cutoff, dt), out, run.context());
        return ExitCodes.OK;
    }
}
