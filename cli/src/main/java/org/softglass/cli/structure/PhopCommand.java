package org.softglass.cli.structure;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.options.PhopWindow;
import org.softglass.cli.Formats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.study.rearrange.PhopStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass phop TRAJ --out DIR}: the hop indicator p_hop of every particle at every frame ({@link PhopStudy}).
 */
@Command(name = "phop", mixinStandardHelpOptions = true,
        description = {"Hop indicator p_hop of every particle at every frame of a trajectory (unwrapped positions: image counts).",
                "Windows A = [t - tR/2, t], B = [t, t + tR/2]; p_hop = sqrt(<(x - <x>_B)^2>_A <(x - <x>_A)^2>_B).",
                "tR/2 is rounded to the nearest whole number of frames (at least 1); frames must be uniformly spaced.",
                "Writes DIR/phop.npy (float64, frames x particles, NaN where the window does not fit), DIR/phop.json, DIR/phop.manifest.json."})
public final class PhopCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRAJ", description = "Trajectory with unwrapped positions (image counts): " + Formats.TRAJECTORY + ".")
    Path trajectory;

    @Mixin PhopWindow window = new PhopWindow();


    @Mixin OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws IOException {
        PhopStudy.run(new PhopStudy.Request(trajectory, window.tR(), window.dt()), run.dir(), run.context());
        return ExitCodes.OK;
    }
}
