package org.softglass.cli.structure;

import org.softglass.cli.options.UnwrappedTrajectory;
import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.options.PhopWindow;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.softglass.study.rearrange.PhopStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code softglass phop TRAJ --out DIR}: the hop indicator p_hop of every particle at every frame ({@link PhopStudy}).
 */
@Command(name = "phop", mixinStandardHelpOptions = true,
        description = {"Hop indicator p_hop of every particle at every frame of a trajectory (unwrapped positions: image counts).",
                "Windows A = [t - tR/2, t], B = [t, t + tR/2]; p_hop = sqrt(<(x - <x>_B)^2>_A <(x - <x>_A)^2>_B).",
                "tR/2 is rounded to the nearest whole number of frames (at least 1); frames must be uniformly spaced.",
                "Writes DIR/phop.npy (float64, frames x particles, NaN where the window does not fit), DIR/phop.json, DIR/phop.manifest.json."})
public final class PhopCommand implements Callable<Integer> {

    @Mixin UnwrappedTrajectory trajectory = new UnwrappedTrajectory();

    @Mixin
    PhopWindow window = new PhopWindow();


    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws IOException {
        PhopStudy.run(new PhopStudy.Request(trajectory.path(), window.tR(), window.dt()), run.dir(), run.context());
        return ExitCodes.OK;
    }
}
