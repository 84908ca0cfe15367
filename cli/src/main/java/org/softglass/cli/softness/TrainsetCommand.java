package org.softglass.cli.softness;

import org.softglass.cli.options.UnwrappedTrajectory;
import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.options.SpeciesConverter;
import org.softglass.cli.options.PhopLabelOptions;
import org.softglass.cli.options.PhopWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.rearrange.FeatureSources;
import org.softglass.core.rearrange.TrainsetRun;
import org.softglass.study.Species;
import org.softglass.study.softness.TrainingStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass trainset TRAJ --out DIR}: a balanced, seeded, labelled training set with features
 * ({@link TrainingStudy#trainingSet}).
 */
@Command(name = "trainset", mixinStandardHelpOptions = true,
        description = {"Balanced labelled training set (rearranging and stable particles with their descriptors) from a trajectory.",
                "--mode softness: label 1 = events with p* > --pc, structure at t_start - --lead; label 0 = p_hop < --p-stable for --tau-c, structure at the interval middle.",
                "--mode tails (fluidity): label 1/0 = the highest/lowest --tail-fraction of all p_hop values, structure at t - --lead.",
                "--mode immobile-random (paper 003 Fig. 8): label 0 = the lowest --tail-fraction, label 1 = as many drawn at random (--seed)",
                "among p_hop above that tail's cut p_l, structure at t - --lead.",
                "Equal numbers of each label are drawn with --seed. Writes DIR/samples.csv (frame,timestep,id,type,label,phop),",
                "DIR/samples_features.npy (float64), DIR/features.json, DIR/phop.npy and DIR/phop.json (unless --phop) and DIR/trainset.manifest.json."})
public final class TrainsetCommand implements Callable<Integer> {

    @Mixin UnwrappedTrajectory trajectory = new UnwrappedTrajectory();

    @Option(names = "--mode", defaultValue = "softness", paramLabel = "softness|tails|immobile-random", converter = ModeConverter.class,
            description = "softness, tails or immobile-random (any case; immobile_random also).")
    TrainsetRun.Mode mode;

    @Option(names = "--features", defaultValue = "ka-266",
            description = "Feature set: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; the presets and FILE.json are the structure functions of the descriptors command; coordination = neighbours of A and B within 1.5 sigma).",
            completionCandidates = FeatureNames.class, showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    String features;

    @Mixin
    PhopWindow window = new PhopWindow();

    @Option(names = "--phop", paramLabel = "DIR", description = "Reuse p_hop of this trajectory from a 'softglass phop' directory (its window replaces --tr).")
    Path phopDir;

    @Mixin
    PhopLabelOptions labels = new PhopLabelOptions();

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed.")
    long seed;

    @Option(names = "--species", defaultValue = "A", description = {"Particles that give samples: A, B or all (default: ${DEFAULT-VALUE},",
            "as every paper trains on A particles only: 000 SI, 001 \u00a7II, 002 \u00a7II)."}, showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            converter = SpeciesConverter.class)
    Species species;

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws IOException {
        labels.check();
        if (mode == TrainsetRun.Mode.SOFTNESS && labels.tauC() == null) {
            throw new IllegalArgumentException("--tau-c is required with --mode softness (the stable duration, about tau_alpha)");
        }
        TrainsetRun.Spec spec = labels.spec(mode, window, seed, species.label());
        TrainingStudy.trainingSet(new TrainingStudy.SetRequest(trajectory.path(), phopDir, features, spec), run.dir(), run.context());
        return ExitCodes.OK;
    }

    /** --mode: the enum names in any case, with '-' for '_'. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<TrainsetRun.Mode> {
        @Override
        public TrainsetRun.Mode convert(String v) {
            for (TrainsetRun.Mode m : TrainsetRun.Mode.values()) if (m.name().equalsIgnoreCase(v.replace('-', '_'))) return m;
            throw new picocli.CommandLine.TypeConversionException("expected one of " + java.util.Arrays.toString(TrainsetRun.Mode.values())
                    + " (case-insensitive; '-' for '_') but was '" + v + "'");   // picocli's own wording for enums
        }
    }

    /** Completion candidates for --features. */
    static final class FeatureNames extends java.util.ArrayList<String> {
        FeatureNames() { super(FeatureSources.NAMES); }
    }
}
