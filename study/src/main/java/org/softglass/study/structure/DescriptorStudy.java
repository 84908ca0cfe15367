package org.softglass.study.structure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorKernels;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.core.structure.FeatureFiles;
import org.softglass.study.FrameRange;
import org.softglass.study.StudyContext;

/**
 * Structure functions (DESIGN §3) of every selected particle of every frame of a trajectory, streamed frame by frame
 * (one frame and at most {@code blockSize} rows in memory). A first pass counts frames and rows (the .npy headers hold
 * the shape) and validates the file up to the range's end before the expensive second pass. Writes {@code DIR/features.npy}
 * (R × M, rows frame-major then id ascending), {@code DIR/rows.npy} (R × 3: frame, timestep, id), {@code DIR/features.json}
 * and {@code DIR/descriptors.manifest.json} ({@link FeatureFiles}).
 */
public final class DescriptorStudy {
    /** Centres per computed block: the row buffer stays BLOCK × M doubles whatever N is. */
    public static final int BLOCK = 4096;

    private DescriptorStudy() {}

    /**
     * @param trajectory thermal or inherent-structure frames
     * @param spec       the descriptor set (a preset, or read from {@code specFile}), with its tolerance
     * @param specFile   the spec file it was read from (recorded as an input), or null for a preset
     * @param centre     the centre species index (0 = A, …), or −1 for every particle
     * @param dtype      the element type of features.npy
     * @param frames     the frames computed, keeping their indices in rows.npy
     * @param blockSize  centres per computed block ({@link #BLOCK}); the output does not depend on it
     */
    public record Request(Path trajectory, DescriptorSpec spec, Path specFile, int centre, NpyDType dtype, FrameRange frames, int blockSize) {
        /** Every frame, blocks of {@link #BLOCK} centres. */
        public static Request of(Path trajectory, DescriptorSpec spec, int centre, NpyDType dtype) {
            return new Request(trajectory, spec, null, centre, dtype, FrameRange.ALL, BLOCK);
        }

        /** The centre species as features.json names it: a letter, or {@code all}. */
        public String centreName() { return centre < 0 ? "all" : DescriptorSpec.letter(centre); }
    }

    /**
     * @param frames      frames computed
     * @param reachedEnd  whether the range ran to the end of the file (false: a shard that is not the last)
     * @param rows        rows written
     * @param seconds     wall time of the computing pass (s)
     */
    public record Result(Path directory, int frames, boolean reachedEnd, long rows, int columns, double seconds) {}

    /** Computes the descriptors of {@code req} into {@code out}. */
    public static Result run(Request req, Path out, StudyContext ctx) throws IOException {
        Path traj = req.trajectory();
        FrameRange range = req.frames();
        int centre = req.centre();
        // pass 1: count frames and selected rows (and validate the file, up to the range's end, before computing)
        int inRange = 0, seen = 0;
        long rows = 0;
        boolean reachedEnd = true;
        try (TrajectoryReader reader = TrajectoryReader.open(traj); StudyContext.Meter progress = ctx.progress().start("scan", -1, "frames")) {
            for (Frame next; (next = reader.next()) != null; seen++) {
                try (Frame f = next) {
                    if (seen >= range.to()) {   // a frame after the range: this shard is not the last
                        reachedEnd = false;
                        break;
                    }
                    if (seen >= range.from()) {
                        rows += DescriptorCalculator.centres(f.particles(), centre).length;
                        inRange++;
                    }
                }
                progress.stepTo(seen + 1);
            }
        }
        if (inRange == 0) {
            throw InputFormatException.naming(traj.toString(), -1, range.isAll() ? "no frames found, expected a trajectory with at least one frame"
                    : "no frames in {frames} " + range + " (the file has " + seen + ")");
        }
        // a block of frames may hold none (its shard has no rows; the merge refuses only a trajectory with none at all)
        if (rows == 0 && range.isAll()) throw new IllegalArgumentException(traj + ": no particles of species " + req.centreName() + " in any frame");

        TrajectoryRef ref = TrajectoryRef.of(traj);   // recorded in features.json: softness and barriers check it
        DescriptorSpec spec = req.spec();
        long t0 = System.nanoTime();
        try (DescriptorCalculator calc = new DescriptorCalculator(spec, ctx.threads());
             FeatureFiles files = FeatureFiles.open(out, spec, req.dtype(), rows, req.centreName(), ref);
             TrajectoryReader reader = TrajectoryReader.open(traj);
             StudyContext.Meter progress = ctx.progress().start("descriptors", inRange, "frames")) {
            int m = calc.columns(), done = 0;
            double[] buf = new double[0];
            int k = 0;
            for (Frame next; k < range.to() && (next = reader.next()) != null; k++) {
                try (Frame f = next) {
                    if (k < range.from()) continue;
                    int[] slots = DescriptorCalculator.centres(f.particles(), centre);
                    for (int b0 = 0; b0 < slots.length; b0 += req.blockSize()) {
                        int[] part = Arrays.copyOfRange(slots, b0, Math.min(slots.length, b0 + req.blockSize()));
                        if (buf.length < part.length * m) buf = new double[part.length * m];
                        try {
                            calc.compute(f.box(), f.particles(), part, buf, 0);
                        } catch (IllegalArgumentException e) {
                            throw new InputFormatException(traj.toString(), -1, "frame " + k + " (timestep " + f.timestep() + "): " + e.getMessage());
                        }
                        long[] ids = new long[part.length];
                        for (int r = 0; r < part.length; r++) ids[r] = f.particles().id(part[r]);
                        files.writeFrame(k, f.timestep(), ids, buf, part.length);
                    }
                }
                progress.stepTo(++done);
            }
            files.finish();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Manifest man = new Manifest(ctx.version(), "descriptors")
                .param("preset", spec.name()).param("spec", req.specFile() == null ? null : req.specFile().toString())
                .param("rmax", spec.rmax()).param("tolerance", spec.tolerance()).param("species", req.centreName())
                .param("dtype", req.dtype() == NpyDType.FLOAT32 ? "f4" : "f8").param("threads", ctx.threads()).param("frames", range.toString())
                .param("kernel", DescriptorKernels.get().name())
                .input(traj, ref.sha256()).trajectory(ref);
        if (req.specFile() != null) man.input(req.specFile());
        for (String name : new String[] {"features.npy", "rows.npy", "features.json"}) man.output(out.resolve(name));
        man.result("frames", inRange).result("first_frame", range.from()).result("reached_end_of_input", reachedEnd).result("rows", rows)
                .result("columns", spec.columnCount()).result("seconds_compute", seconds).result("seconds_per_frame", seconds / inRange);
        man.write(out.resolve("descriptors.manifest.json"));
        return new Result(out, inRange, reachedEnd, rows, spec.columnCount(), seconds);
    }
}
