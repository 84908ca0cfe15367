package org.softglass.cli.structure;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.options.CentreSpeciesConverter;
import org.softglass.cli.options.FrameBlock;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import org.softglass.cli.OptionChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.io.NpyDType;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.study.structure.DescriptorStudy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass descriptors TRAJ --preset NAME | --spec FILE.json --out DIR}: structure functions (DESIGN §3) of every
 * selected particle of every frame of a trajectory, streamed ({@link DescriptorStudy}).
 */
@Command(name = "descriptors", mixinStandardHelpOptions = true,
        description = {"Radial and angular structure functions (descriptors) of every frame of a trajectory.",
                "Writes DIR/features.npy (R x M, rows frame-major then id ascending), DIR/rows.npy (R x 3: frame, timestep, id),",
                "DIR/features.json (column names, per-feature mean and std) and DIR/descriptors.manifest.json."})
public final class DescriptorsCommand implements Callable<Integer> {
    /** Centres per computed block ({@link DescriptorStudy#BLOCK}). */
    static final int BLOCK = DescriptorStudy.BLOCK;
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

    @Option(names = "--species", defaultValue = "all", paramLabel = "A|B|all", converter = CentreSpeciesConverter.class,
            description = "Centre particles: a species letter (A = type 1) or all.")
    int species;

    @Option(names = "--dtype", defaultValue = "f4", paramLabel = "f4|f8", description = "Element type of features.npy.")
    String dtype;

    @Option(names = "--tolerance", paramLabel = "TAU", description = "Override the truncation tolerance: terms whose upper bound is below TAU are skipped (default 1e-12; range 1e-120..1e-3).")
    Double tolerance;

    @Mixin
    FrameBlock frames = new FrameBlock();

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws IOException {
        DescriptorStudy.run(request(), run.dir(), run.context());
        return ExitCodes.OK;
    }

    /** The study request of these options (refused with the option's name when one is out of range). */
    private DescriptorStudy.Request request() throws IOException {
        if (tolerance != null) OptionChecks.inRange(tolerance, 1e-120, 1e-3, "--tolerance");
        DescriptorSpec spec = DescriptorChoice.spec(choice.preset, choice.spec);
        if (tolerance != null) spec = spec.withTolerance(tolerance);
        NpyDType type = switch (dtype) {
            case "f4" -> NpyDType.FLOAT32;
            case "f8" -> NpyDType.FLOAT64;
            default -> throw new IllegalArgumentException("--dtype must be f4 or f8, got '" + dtype + "'");
        };
        return new DescriptorStudy.Request(traj, spec, choice.spec, species, type, frames.range(), block);
    }
}
