package org.softglass.study.rearrange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.PhopFiles;
import org.softglass.core.rearrange.PhopRun;
import org.softglass.study.StudyContext;

/**
 * The hop indicator p_hop (DESIGN §4, {@code 001} eq 2) of every particle at every frame of a trajectory, in one
 * streaming pass ({@link PhopRun}), written as a p_hop directory: {@code DIR/phop.npy} (float64, frames × particles,
 * NaN where the window does not fit), {@code DIR/phop.json} ({@link PhopFiles}) and {@code DIR/phop.manifest.json}.
 * A failure leaves no half-written {@code phop.npy}.
 */
public final class PhopStudy {
    private PhopStudy() {}

    /**
     * @param trajectory a trajectory with unwrapped positions (image counts or unwrapped columns)
     * @param tR         the window t_R (τ): A = [t − t_R/2, t], B = [t, t + t_R/2], t_R/2 rounded to whole frames
     * @param dt         the MD time step (τ): frame times are timestep × dt
     */
    public record Request(Path trajectory, double tR, double dt) {}

    /**
     * @param directory    the p_hop directory written
     * @param trajectory   the trajectory read, with its SHA-256 (recorded in phop.json)
     * @param frames       frames read
     * @param particles    particles per frame
     * @param frameSpacing time between frames (τ)
     * @param halfWindow   t_R/2 in frames
     * @param tREffective  the window used: 2 × halfWindow × frameSpacing (τ)
     */
    public record Result(Path directory, TrajectoryRef trajectory, int frames, int particles, double frameSpacing, int halfWindow,
                         double tREffective) {}

    /** Computes p_hop of {@code req}'s trajectory into {@code out} (created if needed). */
    public static Result run(Request req, Path out, StudyContext ctx) throws IOException {
        // a missing input fails before the output directory is created
        if (!Files.isRegularFile(req.trajectory())) throw new NoSuchFileException(req.trajectory().toString());
        Files.createDirectories(out);
        PhopFiles.Writer w = PhopFiles.writer(out);
        PhopRun.Result r;
        try (Parallel par = new Parallel(ctx.threads()); StudyContext.Meter bar = ctx.progress().start("phop", -1, "frames")) {
            r = PhopRun.run(req.trajectory(), req.tR(), req.dt(), par, w, bar::stepTo);
        } catch (IOException | RuntimeException e) {
            w.abort();
            throw e;
        }
        new Manifest(ctx.version(), "phop").param("tR", req.tR()).param("dt", req.dt()).param("threads", ctx.threads())
                .input(req.trajectory(), r.header().trajectory().sha256()).trajectory(r.header().trajectory())
                .output(PhopFiles.npy(out)).output(PhopFiles.json(out))
                .result("frames", r.frames()).result("particles", r.header().size())
                .result("frame_spacing", r.header().frameSpacing()).result("half_window_frames", r.header().halfWindow())
                .result("tR_effective", r.header().effectiveTR())
                .write(out.resolve("phop.manifest.json"));
        return new Result(out, r.header().trajectory(), r.frames(), r.header().size(), r.header().frameSpacing(), r.header().halfWindow(),
                r.header().effectiveTR());
    }
}
