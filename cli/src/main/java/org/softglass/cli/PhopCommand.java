package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.io.Manifest;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.PhopFiles;
import org.softglass.core.rearrange.PhopRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass phop TRAJ --out DIR}: the hop indicator p_hop (DESIGN §4, {@code 001} eq 2) of every
 * particle at every frame, in one streaming pass ({@link PhopRun}); writes {@code DIR/phop.npy},
 * {@code DIR/phop.json} ({@link PhopFiles}) and {@code DIR/phop.manifest.json}.
 */
@Command(name = "phop", mixinStandardHelpOptions = true,
        description = {"Hop indicator p_hop of every particle at every frame of a trajectory (unwrapped positions: image counts).",
                "Windows A = [t - tR/2, t], B = [t, t + tR/2]; p_hop = sqrt(<(x - <x>_B)^2>_A <(x - <x>_A)^2>_B).",
                "tR/2 is rounded to the nearest whole number of frames (at least 1); frames must be uniformly spaced.",
                "Writes DIR/phop.npy (float64, frames x particles, NaN where the window does not fit), DIR/phop.json, DIR/phop.manifest.json."})
final class PhopCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRAJ", description = "Trajectory with unwrapped positions (image counts): " + Formats.TRAJECTORY + ".")
    Path trajectory;

    @Mixin
    WindowOptions window = new WindowOptions();


    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created if needed).")
    Path out;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        int nt = run.threads();
        // a missing input fails before the output directory is created
        if (!Files.isRegularFile(trajectory)) throw new java.nio.file.NoSuchFileException(trajectory.toString());
        Files.createDirectories(out);
        PhopFiles.Writer w = PhopFiles.writer(out);
        PhopRun.Result r;
        try (Parallel par = new Parallel(nt); Progress bar = Progress.frames("phop", run.quiet())) {
            r = PhopRun.run(trajectory, window.tR, window.dt, par, w, bar::stepTo);
        } catch (IOException | RuntimeException e) {
            w.abort();
            throw e;
        }
        new Manifest(Version.get(), "phop").param("tR", window.tR).param("dt", window.dt).param("threads", nt)
                .input(trajectory, r.header().trajectory().sha256()).trajectory(r.header().trajectory())
                .output(PhopFiles.npy(out)).output(PhopFiles.json(out))
                .result("frames", r.frames()).result("particles", r.header().size())
                .result("frame_spacing", r.header().frameSpacing()).result("half_window_frames", r.header().halfWindow())
                .result("tR_effective", r.header().effectiveTR())
                .write(out.resolve("phop.manifest.json"));
        return ExitCodes.OK;
    }
}
