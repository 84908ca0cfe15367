package org.softglass.cli.softness;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.options.CentreSpeciesConverter;
import org.softglass.core.util.Format;
import org.softglass.cli.options.FrameBlock;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.softness.SoftnessApply;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.cli.structure.DescriptorChoice;
import org.softglass.study.softness.SoftnessStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass softness MODEL.json FEATURES_DIR|TRAJ --out DIR}: S = w·z + b for every descriptor row, the
 * descriptors computed first when given a trajectory ({@link SoftnessStudy}).
 */
@Command(name = "softness", mixinStandardHelpOptions = true,
        description = {"Apply a softness model to a descriptor directory, or to a trajectory (descriptors computed first): S per particle per frame.",
                "Writes DIR/softness.npy, DIR/rows.npy, DIR/frames.csv, DIR/softness.png, DIR/softness.manifest.json."})
public final class SoftnessCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL.json", description = "Model from 'softglass train'.")
    Path modelFile;

    @Parameters(index = "1", paramLabel = "FEATURES_DIR|TRAJ", description = "Descriptor directory (features.npy, rows.npy, features.json), or a trajectory: " + Formats.TRAJECTORY + ".")
    Path features;

    @Option(names = "--preset", paramLabel = "NAME", description = "With a trajectory: descriptor preset (default: the one the model was trained on).")
    String preset;

    @Option(names = "--spec", paramLabel = "FILE.json", description = "With a trajectory: custom descriptor spec file.")
    Path spec;

    @Option(names = "--species", paramLabel = "A|B|all", converter = CentreSpeciesConverter.class,
            description = "With a trajectory: centre particles (default: those the model was trained on).")
    Integer species;

    @Mixin
    FrameBlock frames = new FrameBlock();

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws Exception {
        if (preset != null && spec != null) throw new IllegalArgumentException("give --preset or --spec, not both");
        DescriptorSpec set = DescriptorChoice.spec(preset, spec);
        SoftnessStudy.Result r = SoftnessStudy.run(new SoftnessStudy.Request(modelFile, features, set, spec, species,
                frames.range()), run.dir(), run.context());
        SoftnessApply.Summary sum = r.summary();
        if (!run.quiet()) System.out.println(sum.rows() + " rows: <S> = " + Format.g4(sum.mean()) + ", sigma_S = " + Format.g4(sum.std()));
        return ExitCodes.OK;
    }
}
