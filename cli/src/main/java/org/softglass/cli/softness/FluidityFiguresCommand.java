package org.softglass.cli.softness;

import org.softglass.cli.options.OutputRunOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OptionChecks;
import org.softglass.cli.options.BarrierFitOptions;
import org.softglass.cli.options.MixinDefaults;
import org.softglass.cli.options.PhopLabelOptions;
import org.softglass.cli.options.PhopWindow;
import org.softglass.cli.options.SvmTrainingOptions;
import org.softglass.core.util.Format;
import org.softglass.study.fluidity.ClassifierSummary;
import org.softglass.study.fluidity.FluidityFiguresStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass fluidity-figures --traj T=0.61:FILE --traj T=0.9:FILE … --out DIR}: the figures of paper 003 from
 * thermal trajectories in one run ({@link FluidityFiguresStudy}). A command of its own rather than an option of
 * {@code fluidity}: that command analyses one trained model on prepared descriptors and test set, while the figures
 * need the trajectories themselves (p_hop, descriptors, G_s) and train several classifiers.
 */
@Command(name = "fluidity-figures", mixinStandardHelpOptions = true, defaultValueProvider = FluidityFiguresCommand.Paper003.class,
        description = {"The figures of paper 003 (Figs. 1, 2, 4, 5, 8 and Table I) from thermal trajectories at 2 or more temperatures, in one run.",
                "Per temperature: p_hop, fluidity-100 descriptors of A particles, the self van Hove function at t = --tr (Fig. 2 inset).",
                "Classifiers: tails at --fluidity-at, immobile-random at --random-at, softness at --softness-at; for each, the CV accuracy vs",
                "bias (Fig. 1), the test accuracy vs bias on a softness-labelled set at --test-at (Figs. 2, 8), Delta E and Sigma vs x_alpha",
                "from Kramers fits over every temperature (Fig. 4) and the distributions of alpha (Fig. 5). Writes DIR/*.csv, DIR/fig*.png,",
                "DIR/figures.json, DIR/figures.manifest.json, DIR/models/NAME.json and DIR/T.../{phop,descriptors,tails,immobile-random,softness}."})
public final class FluidityFiguresCommand implements Callable<Integer> {
    @Option(names = "--traj", required = true, paramLabel = "T=TEMP:FILE",
            description = "A thermal trajectory (unwrapped positions) at temperature TEMP. Repeat (>= 2 temperatures).")
    List<String> trajectories;

    @Option(names = "--fluidity-at", split = ",", paramLabel = "T[,T...]", description = "Training temperatures of the tails classifiers (default: all but the lowest).")
    List<Double> fluidityAt;

    @Option(names = "--random-at", paramLabel = "T", description = "Training temperature of the immobile-random classifier (default: the highest).")
    Double randomAt;

    @Option(names = "--softness-at", paramLabel = "T", description = "Training temperature of the softness classifier (default: the lowest).")
    Double softnessAt;

    @Option(names = "--test-at", paramLabel = "T", description = "Temperature of the softness-labelled test set (default: the lowest).")
    Double testAt;

    @Mixin
    PhopWindow window = new PhopWindow();

    @Mixin
    PhopLabelOptions labels = new PhopLabelOptions();

    @Mixin
    SvmTrainingOptions svm = new SvmTrainingOptions();

    @Mixin
    BarrierFitOptions fit = new BarrierFitOptions();

    @Option(names = "--van-hove-dr", defaultValue = "0.05", description = "Bin width of G_s (sigma).")
    double vanHoveDr;

    @Option(names = "--van-hove-max", defaultValue = "5", description = "Largest displacement binned in G_s (sigma).")
    double vanHoveMax;

    @Option(names = "--seed", defaultValue = "1", description = "Sampling, fold and bootstrap seed.")
    long seed;

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws Exception {
        double c = svm.c();
        labels.check();
        OptionChecks.positive(window.tR(), "--tr");
        OptionChecks.positive(window.dt(), "--dt");
        FluidityFiguresStudy.Barriers barriers = fit.barriers();
        List<FluidityFiguresStudy.Run> runs = new ArrayList<>();
        for (String s : trajectories) runs.add(parse(s));
        FluidityFiguresStudy.Request req = new FluidityFiguresStudy.Request(runs, fluidityAt, randomAt, softnessAt, testAt,
                labels.labelling(window), c, svm.folds(), barriers, vanHoveDr, vanHoveMax, seed);
        FluidityFiguresStudy.Result r = FluidityFiguresStudy.run(req, run.dir(), run.context());
        if (!run.quiet()) {
            for (ClassifierSummary s : r.classifiers()) {
                System.out.println(s.name() + ": CV accuracy " + Format.g4(s.cvBestAccuracy()) + " at bias " + Format.g4(s.cvBestBias())
                        + ", test accuracy " + Format.g4(s.bestTestAccuracy()) + " at bias " + Format.g4(s.bestBias()) + ", sigma_alpha "
                        + Format.g4(s.sigma()) + (s.barriersError() == null ? "" : "; no Delta E(x_alpha): " + s.barriersError()));
            }
            System.out.println(r.files().size() + " figure files in " + run.dir());
        }
        return ExitCodes.OK;
    }

    /** {@code T=0.61:FILE} → the run; one usage line naming --traj otherwise. */
    static FluidityFiguresStudy.Run parse(String spec) {
        int colon = spec.indexOf(':');
        if (!spec.startsWith("T=") || colon < 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("--traj expected T=TEMP:FILE, got '" + spec + "'");
        }
        double t;
        try {
            t = Double.parseDouble(spec.substring(2, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--traj expected a number after T=, got '" + spec.substring(2, colon) + "' in '" + spec + "'");
        }
        if (!(t > 0) || !Double.isFinite(t)) throw new IllegalArgumentException("--traj temperature must be > 0, got " + t + " in '" + spec + "'");
        return new FluidityFiguresStudy.Run(t, Path.of(spec.substring(colon + 1)));
    }

    /** Paper 003's values (§II B) of the shared options whose annotated defaults are another paper's. */
    static final class Paper003 extends MixinDefaults {
        Paper003() { super(Map.of("--pc", "0.2", "--p-stable", "0.0085", "--tau-c", "120", "--C", "0.01", "--bins", "-3:3:24")); }
    }
}
