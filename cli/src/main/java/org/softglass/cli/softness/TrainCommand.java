package org.softglass.cli.softness;

import org.softglass.core.util.Format;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OptionChecks;
import org.softglass.cli.RunOptions;
import org.softglass.cli.options.SvmTrainingOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.softness.LinearSvm;
import org.softglass.core.softness.SoftnessTrainer;
import org.softglass.study.softness.TrainingStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass train DIR --out MODEL.json}: trains the softness (or fluidity) classifier on one or more training
 * directories ({@link TrainingStudy#train}).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a linear SVM softness classifier (liblinear, squared hinge, L2) on a training set directory.",
                "Writes MODEL.json, MODEL.weights.csv (column,weight,mean,std), MODEL.png and MODEL.json.manifest.json."})
public final class TrainCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Training set(s): samples.csv, samples_features.npy, features.json; "
            + "several sets (e.g. one per temperature) are pooled and must have the same feature columns.")
    List<Path> dirs;

    @Option(names = "--out", required = true, paramLabel = "MODEL.json", description = "Model file to write.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Path out;

    @Mixin
    SvmTrainingOptions svm = new SvmTrainingOptions();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold split and the dual solver.")
    long seed;

    @Option(names = "--solver", defaultValue = "auto", paramLabel = "auto|primal|dual",
            description = "auto (primal when samples >= 10 x features), primal or dual (any case).")
    LinearSvm.Solver solver;

    @Option(names = "--eps", defaultValue = "1e-4", description = "liblinear stopping tolerance.")
    double eps;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws Exception {
        double c = svm.c();
        OptionChecks.positive(eps, "--eps");
        int folds = svm.folds();
        if (folds == 1 || folds < 0) throw new IllegalArgumentException("--folds must be 0 or >= 2, got " + folds);
        TrainingStudy.TrainResult r = TrainingStudy.train(new TrainingStudy.TrainRequest(dirs, new SoftnessTrainer.Options(c, folds, solver, eps, seed)),
                out, run.context());
        if (!run.quiet()) {
            System.out.println("trained on " + r.samples() + " samples, " + r.model().size() + " features: training accuracy " + Format.g4(r.trainAccuracy())
                    + (folds > 0 ? ", " + folds + "-fold CV accuracy " + Format.g4(r.cvAccuracy()) : ""));
        }
        return ExitCodes.OK;
    }
}
