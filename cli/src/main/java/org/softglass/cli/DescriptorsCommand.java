package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.core.structure.FeatureFiles;
import org.softglass.core.structure.SpecFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass descriptors TRAJ --preset NAME | --spec FILE.json --out DIR}: structure functions
 * (DESIGN §3) of every selected particle of every frame of a LAMMPS dump, streamed frame by frame
 * (one frame and at most {@value #BLOCK} rows are in memory). A first pass over the dump counts frames and rows (the
 * .npy headers hold the shape) and validates the whole file before the expensive second pass.
 * Outputs: {@code DIR/features.npy}, {@code DIR/rows.npy}, {@code DIR/features.json},
 * {@code DIR/descriptors.manifest.json} (see {@link FeatureFiles}).
 */
@Command(name = "descriptors", mixinStandardHelpOptions = true,
        description = {"Radial and angular structure functions (descriptors) of every frame of a trajectory.",
                "Writes DIR/features.npy (R x M, rows frame-major then id ascending), DIR/rows.npy (R x 3: frame, timestep, id),",
                "DIR/features.json (column names, per-feature mean and std) and DIR/descriptors.manifest.json."})
final class DescriptorsCommand implements Callable<Integer> {
    /** Centres per computed block (bounds the row buffer to BLOCK x M doubles). */
    static final int BLOCK = 4096;
    /** The block size in use: {@link #BLOCK}; tests lower it to cover frames split into several blocks. */
    static int block = BLOCK;

    @Parameters(index = "0", paramLabel = "TRAJ", description = "Thermal or inherent-structure frames: " + Formats.TRAJECTORY + ".")
    Path traj;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SpecChoice choice;

    static final class SpecChoice {
        @Option(names = "--preset", paramLabel = "NAME", description = "Descriptor preset: ka-266, ss-166 or fluidity-100.")
        String preset;

        @Option(names = "--spec", paramLabel = "FILE.json", description = "Custom descriptor set (JSON: rmax, species, radial, angular, tolerance).")
        Path spec;
    }

    @Option(names = "--species", defaultValue = "all", paramLabel = "A|B|all", description = "Centre particles: a species letter (A = type 1) or all (default: ${DEFAULT-VALUE}).")
    String species;

    @Option(names = "--dtype", defaultValue = "f4", paramLabel = "f4|f8", description = "Element type of features.npy (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--tolerance", paramLabel = "TAU", description = "Override the truncation tolerance: terms whose upper bound is below TAU are skipped (default 1e-12; range 1e-120..1e-3).")
    Double tolerance;

    @Option(names = "--frames", defaultValue = "all", paramLabel = "A:B",
            description = "Only frames A..B-1 (0-based) of TRAJ, keeping their indices in rows.npy: a shard, joined with 'softglass descriptors-merge' "
                    + "into the files one run over all frames writes (default: ${DEFAULT-VALUE}).")
    String frames = "all";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path out;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        if (tolerance != null) OptionChecks.inRange(tolerance, 1e-120, 1e-3, "--tolerance");
        DescriptorSpec spec = choice.preset != null ? DescriptorSpec.preset(choice.preset) : SpecFile.read(choice.spec);
        if (tolerance != null) spec = spec.withTolerance(tolerance);
        NpyDType type = switch (dtype) {
            case "f4" -> NpyDType.FLOAT32;
            case "f8" -> NpyDType.FLOAT64;
            default -> throw new IllegalArgumentException("--dtype must be f4 or f8, got '" + dtype + "'");
        };
        int centre = -1;
        String centreName = "all";
        if (!species.equalsIgnoreCase("all")) {
            centre = DescriptorSpec.speciesIndex(species);
            if (centre < 0) throw new IllegalArgumentException("--species must be a letter A..Z or all, got '" + species + "'");
            centreName = DescriptorSpec.letter(centre);
        }
        int nt = run.threads();
        FrameSelection range = FrameSelection.parseRange(frames);

        // pass 1: count frames and selected rows (and validate the file, up to the range's end, before computing)
        int inRange = 0, seen = 0;
        long rows = 0;
        boolean reachedEnd = true;
        try (TrajectoryReader reader = TrajectoryReader.open(traj);
             Progress progress = Progress.frames("scan", run.quiet())) {
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
                progress.step();
            }
        }
        if (inRange == 0) {
            throw new InputFormatException(traj.toString(), -1, range.isAll() ? "no frames found, expected a trajectory with at least one frame"
                    : "no frames in --frames " + this.frames + " (the file has " + seen + ")");
        }
        // a block of frames may hold none (its shard has no rows; the merge refuses only a trajectory with none at all)
        if (rows == 0 && range.isAll()) throw new IllegalArgumentException(traj + ": no particles of species " + centreName + " in any frame");

        TrajectoryRef ref = TrajectoryRef.of(traj);   // recorded in features.json: softness and barriers check it
        long t0 = System.nanoTime();
        try (DescriptorCalculator calc = new DescriptorCalculator(spec, nt);
             FeatureFiles files = FeatureFiles.open(out, spec, type, rows, centreName, ref);
             TrajectoryReader reader = TrajectoryReader.open(traj);
             Progress progress = Progress.of("descriptors", inRange, "frames", run.quiet())) {
            int m = calc.columns();
            double[] buf = new double[0];
            int k = 0;
            for (Frame next; k < range.to() && (next = reader.next()) != null; k++) {
                try (Frame f = next) {
                    if (k < range.from()) continue;
                    int[] slots = DescriptorCalculator.centres(f.particles(), centre);
                    // blocks of BLOCK centres: the row buffer stays BLOCK x M whatever N is
                    for (int b0 = 0; b0 < slots.length; b0 += block) {
                        int[] part = java.util.Arrays.copyOfRange(slots, b0, Math.min(slots.length, b0 + block));
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
                progress.step();
            }
            files.finish();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Manifest man = new Manifest(Version.get(), "descriptors")
                .param("preset", spec.name()).param("spec", choice.spec == null ? null : choice.spec.toString())
                .param("rmax", spec.rmax()).param("tolerance", spec.tolerance()).param("species", centreName)
                .param("dtype", dtype).param("threads", nt).param("frames", this.frames)
                .param("kernel", org.softglass.core.structure.DescriptorKernels.get().name())
                .input(traj, ref.sha256()).trajectory(ref);
        if (choice.spec != null) man.input(choice.spec);
        for (String name : new String[] {"features.npy", "rows.npy", "features.json"}) man.output(out.resolve(name));
        man.result("frames", inRange).result("first_frame", range.from()).result("reached_end_of_input", reachedEnd).result("rows", rows).result("columns", spec.columnCount())
                .result("seconds_compute", seconds).result("seconds_per_frame", seconds / inRange);
        man.write(out.resolve("descriptors.manifest.json"));
        return ExitCodes.OK;
    }

}
