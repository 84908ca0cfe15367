package org.softglass.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.barriers.BarrierAnalysis;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.fluidity.BiasScan;
import org.softglass.core.fluidity.Fluidity;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.core.rearrange.TrainsetWriter;
import org.softglass.core.structure.FeatureFiles;
import org.softglass.core.softness.SoftnessApply;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.study.barriers.BarrierReport;
import org.softglass.study.barriers.TemperatureSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass fluidity MODEL.json --test TESTSET --sigma-from FEATURES_DIR [--reference S.json]
 * [--set T=..:FEATURES_DIR:PHOP_DIR ...] --out DIR} (paper 003): re-optimise the classifier's bias on a
 * labelled (low-T) test set, σ_α at the training temperature, x_α = (w·F − b_best)/σ_α, the projection
 * ŵ_S·ŵ_α on a reference classifier, and — with sets — P(R|x_α,T) with Kramers (default) fits of ΔE, Σ.
 */
@Command(name = "fluidity", mixinStandardHelpOptions = true,
        description = {"Transfer a (high-T, extreme-tail) classifier to low T: bias re-optimisation, x_alpha, projection, barriers vs x_alpha (paper 003).",
                "Writes DIR/bias_scan.csv, DIR/bias_scan.png, DIR/fluidity.json, DIR/fluidity.manifest.json and, with --set,",
                "DIR/prs.csv, DIR/arrhenius.csv, DIR/prs.png, DIR/barriers.png (x = x_alpha)."})
final class FluidityCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL.json", description = "The classifier (from 'softglass train' on a fluidity training set).")
    Path modelFile;

    @Option(names = "--test", required = true, paramLabel = "DIR", description = "Labelled test set (samples.csv, samples_features.npy, features.json), e.g. at T = 0.47.")
    Path test;

    @Option(names = "--sigma-from", paramLabel = "FEATURES_DIR", description = "Descriptors at the training temperature: sigma_alpha = std of w.F over their rows.")
    Path sigmaFrom;

    @Option(names = "--sigma", description = "sigma_alpha given directly (instead of --sigma-from).")
    Double sigma;

    @Option(names = "--reference", paramLabel = "MODEL.json", description = "Reference classifier (e.g. softness) for the projection w_S.w_alpha.")
    Path reference;

    @Option(names = "--set", paramLabel = "T=TEMP:FEATURES_DIR:PHOP_DIR", description = "A temperature for P(R|x_alpha,T): descriptors and p_hop. Repeat (>= 2).")
    List<String> sets;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--bins", defaultValue = "-3:3:24", paramLabel = "LO:HI:N", description = "x_alpha bins (default: ${DEFAULT-VALUE}).")
    String bins;

    @Option(names = "--p-threshold", defaultValue = "0.2", description = "Rearranging when p_hop > this (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--bootstrap", defaultValue = "200", description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-events", defaultValue = "10", description = "Fewest rearrangements for a usable point (default: ${DEFAULT-VALUE}).")
    long minEvents;

    @Option(names = "--p-max", defaultValue = "0.9", description = "P(R|x) at or above which a point is refused (default: ${DEFAULT-VALUE}).")
    double pMax;

    @Option(names = "--arrhenius", description = "Fit ln P = Sigma - DeltaE/T instead of the Kramers form of paper 003.")
    boolean arrhenius;

    @Option(names = "--strict", description = "Refuse instead of dropping unusable points.")
    boolean strict;

    @Option(names = "--lag", defaultValue = "0", paramLabel = "FRAMES",
            description = "Label a row by p_hop this many frames after its structure (paper 003 pairs the structure at t - 2 tau with "
                    + "the dynamics at t: give 2 tau / frame spacing; default: ${DEFAULT-VALUE}).")
    int lag;

    @Option(names = "--no-onset", description = "Skip the global onset fit.")
    boolean noOnset;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws Exception {
        Csv.bins(bins, "--bins"); // checked before any input is read
        OptionChecks.positive(threshold, "--p-threshold");
        OptionChecks.atLeast(bootstrap, 0, "--bootstrap");
        OptionChecks.atLeast(minEvents, 0, "--min-events");
        OptionChecks.atLeast(lag, 0, "--lag");
        OptionChecks.inRange(pMax, Double.MIN_VALUE, 1, "--p-max");
        if ((sigma == null) == (sigmaFrom == null)) throw new IllegalArgumentException("give exactly one of --sigma-from FEATURES_DIR and --sigma VALUE");
        // each set's descriptors and p_hop must come from one trajectory (TrajectoryRef), checked before any output
        for (String spec : sets == null ? List.<String>of() : sets) {
            TemperatureSet t = TemperatureSet.parse(spec);
            Path fj = t.data().resolve("features.json");
            t.requireSameTrajectory(FeatureFiles.trajectory(fj), fj, "descriptors");
        }
        SoftnessModel m = SoftnessModel.read(modelFile);
        Manifest man = new Manifest(Version.get(), "fluidity").input(modelFile).input(test.resolve("samples.csv"));
        TrainsetWriter.TrainingSet ts = TrainsetWriter.read(test);
        m.requireColumns(FeatureFiles.names(ts.columns()), test.resolve("features.json").toString());
        double[] d = new double[ts.labels().length], z = new double[m.size()];
        for (int i = 0; i < d.length; i++) d[i] = m.projection(ts.x()[i], z);
        BiasScan scan = BiasScan.scan(d, ts.labels());
        double sig;
        if (sigma != null) {
            if (!(sigma > 0)) throw new IllegalArgumentException("--sigma must be > 0, got " + sigma);
            sig = sigma;
        } else {
            double[] ds = SoftnessApply.projections(m, sigmaFrom);
            double mean = 0, v = 0;
            for (double x : ds) mean += x;
            mean /= ds.length;
            for (double x : ds) v += (x - mean) * (x - mean);
            sig = Math.sqrt(v / Math.max(1, ds.length - 1));
            man.input(sigmaFrom.resolve("features.npy"));
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < scan.thresholds().length; i++) rows.add(new Object[] {scan.thresholds()[i], scan.accuracy()[i]});
        List<Path> outputs = new ArrayList<>();
        Files.createDirectories(out);   // only once the inputs are read and the analysis has run
        Path scanCsv = out.resolve("bias_scan.csv"), scanPng = out.resolve("bias_scan.png");
        Csv.write(scanCsv, "threshold,accuracy", rows);
        double trainThreshold = -m.plane().b();
        Plot.xy("Test accuracy vs threshold", "threshold b (predict 1 when w.F > b)", "accuracy")
                .line("test set", scan.thresholds(), scan.accuracy())
                .points("best", new double[] {scan.best()}, new double[] {scan.bestAccuracy()})
                .points("training bias", new double[] {trainThreshold}, new double[] {BiasScan.accuracy(d, ts.labels(), trainThreshold)}).save(scanPng);
        outputs.addAll(List.of(scanCsv, scanPng));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("schema", "softglass.fluidity/1");
        j.put("train_threshold", trainThreshold);
        j.put("train_threshold_accuracy", BiasScan.accuracy(d, ts.labels(), trainThreshold));
        j.put("best_threshold", scan.best());
        j.put("best_accuracy", scan.bestAccuracy());
        j.put("sigma_alpha", sig);
        j.put("x_alpha", "(w.F - best_threshold) / sigma_alpha");
        if (reference != null) {
            SoftnessModel ref = SoftnessModel.read(reference);
            j.put("projection", Fluidity.projection(ref, m, ref.standardization().std()));
            j.put("projection_frame", "weights mapped to the reference model's standardisation");
            man.input(reference);
        }
        String onsetError = null;
        if (sets != null && !sets.isEmpty()) {
            List<BarrierAnalysis.Sample> samples = new ArrayList<>();
            for (String spec : sets) {
                TemperatureSet t = TemperatureSet.parse(spec);
                double[] x = Fluidity.x(SoftnessApply.projections(m, t.data()), scan.best(), sig);
                long[][] rws = FeatureFiles.readRows(t.data().resolve("rows.npy"));
                if (rws.length != x.length) throw new org.softglass.core.io.InputFormatException(t.data().resolve("rows.npy").toString(), -1, "has " + rws.length + " rows, features.npy has " + x.length);
                samples.add(TemperatureSet.sample(t.t(), x, rws, PhopTable.read(t.phop()), threshold, lag));
                man.input(t.data().resolve("features.npy")).input(t.phop().resolve("phop.npy"));
            }
            SoftnessBins b = Csv.bins(bins, "--bins");
            BarrierAnalysis.Result r = BarrierAnalysis.run(samples, new BarrierAnalysis.Options(b, bootstrap, seed, minEvents, pMax, !arrhenius, strict, false));
            if (!noOnset) {   // as in 'barriers': a refused onset fit still leaves the scan, x_alpha and per-bin fits written
                BarrierReport.Onset fit = BarrierReport.fitOnset(r, !arrhenius, minEvents, pMax);
                r = fit.result();
                onsetError = fit.error();
            }
            j.put("barriers", BarrierReport.write(r, out, "x_alpha", outputs));
            if (onsetError != null) j.put("onset_error", onsetError);
        }
        Path json = out.resolve("fluidity.json");
        Csv.json(json, j);
        outputs.add(json);
        for (Path p : outputs) man.output(p);
        man.param("sets", sets).param("bins", bins).param("p_threshold", threshold).param("lag", lag).param("seed", seed).param("kramers", !arrhenius)
                .result("best_threshold", scan.best()).result("best_accuracy", scan.bestAccuracy()).result("sigma_alpha", sig)
                .write(out.resolve("fluidity.manifest.json"));
        if (onsetError != null) {
            throw new org.softglass.core.util.Refusal(onsetError + " (the bias scan, x_alpha and the per-bin fits are in " + out + ")");
        }
        if (!run.quiet()) System.out.println("best threshold " + Csv.fmt(scan.best()) + " (accuracy " + Csv.fmt(scan.bestAccuracy()) + "), sigma_alpha " + Csv.fmt(sig));
        return ExitCodes.OK;
    }
}
