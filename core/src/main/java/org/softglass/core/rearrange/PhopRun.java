package org.softglass.core.rearrange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.softglass.core.io.Frame;
import org.softglass.core.parallel.Parallel;

/**
 * Computes p_hop ({@link PhopCalculator}) over a whole LAMMPS trajectory in one streaming pass and
 * hands the rows, in frame order, to a {@link PhopSink}.
 *
 * <p>The header carries the trajectory's identity ({@link org.softglass.core.io.TrajectoryRef}: file and
 * SHA-256), which {@link PhopFiles} records in phop.json for the consumers that check it.
 *
 * <p>The trajectory is checked by {@link TrajectoryStream} (same particles in every frame, increasing
 * and uniformly spaced timesteps, unwrapped positions). The frame spacing is
 * {@code Δ = (timestep_1 − timestep_0) · dt}; the half window is {@code h = round((t_R/2)/Δ)} frames
 * ({@link Frames#halfWindow}), at least 1. Row t is emitted once frame t + h has been read; rows of the
 * first and last h frames are NaN. A trajectory of fewer than 2h + 1 frames is an error (after the
 * sink has seen the rows read so far; callers writing files abort them on any exception).
 */
public final class PhopRun {
    private PhopRun() {}

    /** What a run read: frame count, half window and the frames' timesteps and times (τ). */
    public record Result(PhopHeader header, int frames, long[] timesteps, double[] times) {}

    /**
     * @param trajectory LAMMPS dump (plain or gzip)
     * @param tR window t_R (τ), &gt; 0
     * @param dt MD timestep (τ), &gt; 0
     * @param par worker team for the per-particle loop
     * @param sink receives the rows
     * @param progress called with the number of frames read after each frame (may be a no-op)
     * @throws org.softglass.core.io.InputFormatException for a bad trajectory (see {@link TrajectoryStream}) or one
     *     with fewer than 2h + 1 frames
     * @throws IllegalArgumentException for bad t_R or dt
     */
    public static Result run(Path trajectory, double tR, double dt, Parallel par, PhopSink sink, IntConsumer progress)
            throws IOException {
        if (!(tR > 0) || !Double.isFinite(tR)) throw new org.softglass.core.util.InvalidParameter("{tR} must be finite and > 0, got " + tR);
        // the identity phop.json records (TrajectoryRef): the SHA-256 of the file's bytes, one extra read before the frames
        org.softglass.core.io.TrajectoryRef ref = org.softglass.core.io.TrajectoryRef.of(trajectory);
        try (TrajectoryStream ts = TrajectoryStream.open(trajectory, dt, true)) {
            PhopCalculator calc = null;
            PhopHeader header = null;
            double[] xyz = null, first = null, row = null, nan = null;
            long[] steps = new long[64];
            int h = 0;
            for (Frame next; (next = ts.next()) != null; ) {
                int k = ts.frameIndex();
                try (Frame f = next) {
                    if (k == 0) xyz = new double[3 * f.size()];
                    TrajectoryStream.unwrapped(f, xyz);
                    if (k >= steps.length) steps = Arrays.copyOf(steps, 2 * steps.length);
                    steps[k] = f.timestep();
                }
                if (k == 0) {
                    // the window is known only once the spacing is (frame 1); keep frame 0 aside
                    first = xyz.clone();
                } else {
                    if (k == 1) {
                        h = Frames.halfWindow(tR, ts.frameSpacing());
                        header = new PhopHeader(ts.source(), ts.ids().clone(), ts.types().clone(), tR, dt, ts.frameSpacing(), h, ref);
                        calc = new PhopCalculator(ts.size(), h);
                        calc.push(first);
                        first = null;
                        row = new double[ts.size()];
                        nan = new double[ts.size()];
                        Arrays.fill(nan, Double.NaN);
                        sink.start(header);
                    }
                    calc.push(xyz);
                    // frame c = k − h now has all frames it needs (or is one of the first h: NaN)
                    int c = k - h;
                    if (c >= 0) {
                        if (c < h) {
                            sink.row(c, steps[c], ts.time(steps[c]), nan);
                        } else {
                            calc.compute(row, par);
                            sink.row(c, steps[c], ts.time(steps[c]), row);
                        }
                    }
                }
                progress.accept(k + 1);
            }
            int frames = ts.framesRead();
            if (frames == 0) throw ts.error("no frames, expected a trajectory");
            if (header == null || frames < 2 * h + 1) {
                String need = header == null ? "at least 2 frames to know the frame spacing"
                        : "at least " + (2 * h + 1) + " frames (2h + 1 with half window h = " + h + " frames = round((t_R/2)/Δ), Δ = "
                                + header.frameSpacing() + " τ)";
                throw ts.error(frames + (frames == 1 ? " frame is" : " frames are") + " too few for the p_hop window t_R = " + tR + " τ: expected " + need);
            }
            for (int c = Math.max(0, frames - h); c < frames; c++) sink.row(c, steps[c], ts.time(steps[c]), nan);
            sink.finish(frames);
            long[] st = Arrays.copyOf(steps, frames);
            double[] times = new double[frames];
            for (int c = 0; c < frames; c++) times[c] = ts.time(st[c]);
            return new Result(header, frames, st, times);
        }
    }
}
