package org.softglass.cli.softness;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.core.util.Format;
import org.softglass.cli.options.BarrierFitOptions;
import org.softglass.cli.options.BarrierFitPolicy;
import org.softglass.cli.options.MixinDefaults;
import org.softglass.cli.ExitCodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.study.barriers.TemperatureSet;
import org.softglass.study.fluidity.FluidityStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass fluidity MODEL.json --test TESTSET --sigma-from FEATURES_DIR [--reference S.json]
 * [--set T=..:FEATURES_DIR:PHOP_DIR ...] --out DIR} (paper 003): re-optimise the classifier's bias on a
 * labelled (low-T) test set, σ_α at the training temperature, x_α = (w·F − b_best)/σ_α, the projection
 * ŵ_S·ŵ_α on a reference classifier, and — with sets — P(R|x_α,T) with Kramers (default) fits of ΔE, Σ.
 */
@Command(name = "fluidity", mixinStandardHelpOptions = true, defaultValueProvider = FluidityCommand.XAlphaBins.class,
        description = {"Transfer a (high-T, extreme-tail) classifier to low T: bias re-optimisation, x_alpha, projection, barriers vs x_alpha (paper 003).",
                "Writes DIR/bias_scan.csv, DIR/bias_scan.png, DIR/fluidity.json, DIR/fluidity.manifest.json and, with --set,",
                "DIR/prs.csv, DIR/arrhenius.csv, DIR/prs.png, DIR/barriers.png (x = x_alpha)."})
public final class FluidityCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL.json", description = "The classifier (from 'softglass train' on a fluidity training set).")
    Path modelFile;

    @Option(names = "--test", required = true, paramLabel = "DIR", description = "Labelled test set (samples.csv, samples_features.npy, features.json), e.g. at T = 0.47.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Path test;

    @Option(names = "--sigma-from", paramLabel = "FEATURES_DIR", description = "Descriptors at the training temperature: sigma_alpha = std of w.F over their rows.")
    Path sigmaFrom;

    @Option(names = "--sigma", description = "sigma_alpha given directly (instead of --sigma-from).")
    Double sigma;

    @Option(names = "--reference", paramLabel = "MODEL.json", description = "Reference classifier (e.g. softness) for the projection w_S.w_alpha.")
    Path reference;

    @Option(names = "--set", paramLabel = "T=TEMP:FEATURES_DIR:PHOP_DIR", description = "A temperature for P(R|x_alpha,T): descriptors and p_hop. Repeat (>= 2).")
    List<String> sets;

    @Mixin
    BarrierFitOptions fit = new BarrierFitOptions();

    @Option(names = "--seed", defaultValue = "1", description = "Bootstrap seed.")
    long seed;

    @Option(names = "--arrhenius", description = "Fit ln P = Sigma - DeltaE/T instead of the Kramers form of paper 003.")
    boolean arrhenius;

    @Mixin
    BarrierFitPolicy policy = new BarrierFitPolicy();

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @Override
    public Integer call() throws Exception {
        SoftnessBins b = fit.bins(); // checked before any input is read
        List<TemperatureSet> ts = sets == null ? List.of() : sets.stream().map(TemperatureSet::parse).toList();
        FluidityStudy.Result r = FluidityStudy.run(new FluidityStudy.Request(modelFile, test, sigmaFrom, sigma, reference, ts, b, fit.threshold(),
                fit.bootstrap(), seed, fit.minEvents(), fit.pMax(), !arrhenius, policy.strict(), fit.lag(), policy.onset()), run.dir(), run.context());
        if (r.onsetError() != null) {
            throw new org.softglass.core.util.Refusal(r.onsetError() + " (the bias scan, x_alpha and the per-bin fits are in " + run.dir() + ")");
        }
        if (!run.quiet()) {
            System.out.println("best threshold " + Format.g4(r.scan().best()) + " (accuracy " + Format.g4(r.scan().bestAccuracy()) + "), sigma_alpha "
                    + Format.g4(r.sigmaAlpha()));
        }
        return ExitCodes.OK;
    }

    /** x_α bins by default (the shared {@code --bins} has none: {@code barriers} bins S automatically). */
    static final class XAlphaBins extends MixinDefaults {
        XAlphaBins() { super(Map.of("--bins", "-3:3:24")); }
    }
}
