package org.softglass.study.fluidity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.barriers.BarrierAnalysis;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.fluidity.BiasScan;
import org.softglass.core.fluidity.Fluidity;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.core.rearrange.TrainsetWriter;
import org.softglass.core.softness.SoftnessApply;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.structure.FeatureFiles;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;
import org.softglass.study.barriers.BarrierReport;
import org.softglass.study.barriers.TemperatureSet;

/**
 * The fluidity of paper 003 from a classifier trained on the p_hop tails: the test accuracy against the threshold
 * (the bias scan of Figs. 2 and 8, {@link BiasScan}; the CV accuracy of Fig. 1 is {@link FluidityFiguresStudy}'s), x_α = (w·F − b*)/σ_α with σ_α the spread of w·F at the training
 * temperature, the projection on a reference (softness) classifier, and, with temperature sets, P(R|x_α, T), the per-bin
 * Kramers (or Arrhenius) fits and the onset fit as for the softness ({@link BarrierReport}). A refused onset fit is a
 * value of the result ({@link Result#onsetError}), after the scan, x_α and the per-bin fits are written. Writes
 * {@code DIR/bias_scan.csv}, {@code DIR/bias_scan.png}, {@code DIR/fluidity.json} ({@code softglass.fluidity/1}), with
 * sets also the barrier files (prs.csv, arrhenius.csv, prs.png, barriers.png), and {@code DIR/fluidity.manifest.json}.
 */
public final class FluidityStudy {
    private FluidityStudy() {}

    /**
     * @param model     the classifier trained on a fluidity training set
     * @param test      a labelled test set (samples.csv, samples_features.npy, features.json)
     * @param sigmaFrom descriptors at the training temperature: σ_α = std of w·F over their rows (divisor n − 1); or null
     * @param sigma     σ_α given directly; exactly one of {@code sigma} and {@code sigmaFrom}
     * @param reference a reference classifier for the projection w_S·w_α, or null
     * @param sets      temperatures for P(R|x_α, T): descriptors and p_hop (none: the scan only)
     * @param bins      x_α bins
     * @param threshold rearranging when p_hop &gt; this
     * @param kramers   the Kramers form of paper 003 (else Arrhenius)
     * @param lag       label a row by p_hop this many frames after its structure
     * @param onset     run the global onset fit
     */
    public record Request(Path model, Path test, Path sigmaFrom, Double sigma, Path reference, List<TemperatureSet> sets, SoftnessBins bins,
                          double threshold, int bootstrap, long seed, long minEvents, double pMax, boolean kramers, boolean strict, int lag,
                          boolean onset) {
        public Request {
            sets = sets == null ? List.of() : List.copyOf(sets);
            Checks.positive(threshold, "pThreshold");
            Checks.atLeast(bootstrap, 0, "bootstrap");
            Checks.atLeast(minEvents, 0, "minEvents");
            Checks.atLeast(lag, 0, "lag");
            if (!(pMax >= Double.MIN_VALUE && pMax <= 1)) throw new InvalidParameter("{pMax} must be in [" + Double.MIN_VALUE + ", 1.0], got " + pMax);
            if ((sigma == null) == (sigmaFrom == null)) throw new InvalidParameter("give exactly one of {sigmaFrom} FEATURES_DIR and {sigma} VALUE");
            if (sigma != null && !(sigma > 0)) throw new InvalidParameter("{sigma} must be > 0, got " + sigma);
        }
    }

    /**
     * @param scan           test accuracy against the threshold, with the best one
     * @param sigmaAlpha     σ_α
     * @param trainThreshold the classifier's own threshold −b
     * @param barriers       P(R|x_α, T) and the fits, or null without sets
     * @param onsetError     why the onset fit refused, or null
     */
    public record Result(BiasScan scan, double sigmaAlpha, double trainThreshold, BarrierAnalysis.Result barriers, String onsetError) {}

    /** Runs the analysis of {@code req} and writes {@code outDir}. */
    public static Result run(Request req, Path outDir, StudyContext ctx) throws IOException {
        // each set's descriptors and p_hop must come from one trajectory (TrajectoryRef), checked before any output
        for (TemperatureSet t : req.sets()) {
            Path fj = t.data().resolve("features.json");
            t.requireSameTrajectory(FeatureFiles.trajectory(fj), fj, "descriptors");
        }
        SoftnessModel m = SoftnessModel.read(req.model());
        Path test = req.test(), out = outDir;
        Manifest man = new Manifest(ctx.version(), "fluidity").input(req.model()).input(test.resolve("samples.csv"));
        TrainsetWriter.TrainingSet ts = TrainsetWriter.read(test);
        m.requireColumns(FeatureFiles.names(ts.columns()), test.resolve("features.json").toString());
        double[] d = new double[ts.labels().length], z = new double[m.size()];
        for (int i = 0; i < d.length; i++) d[i] = m.projection(ts.x()[i], z);
        BiasScan scan = BiasScan.scan(d, ts.labels());
        double sig;
        if (req.sigma() != null) {
            sig = req.sigma();
        } else {
            double[] ds = SoftnessApply.projections(m, req.sigmaFrom());
            double mean = 0, v = 0;
            for (double x : ds) mean += x;
            mean /= ds.length;
            for (double x : ds) v += (x - mean) * (x - mean);
            sig = Math.sqrt(v / Math.max(1, ds.length - 1));
            man.input(req.sigmaFrom().resolve("features.npy"));
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < scan.thresholds().length; i++) rows.add(new Object[] {scan.thresholds()[i], scan.accuracy()[i]});
        List<Path> outputs = new ArrayList<>();
        Files.createDirectories(out);   // only once the inputs are read and the analysis has run
        Path scanCsv = out.resolve("bias_scan.csv"), scanPng = out.resolve("bias_scan.png");
        CsvRows.write(scanCsv, "threshold,accuracy", rows);
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
        if (req.reference() != null) {
            SoftnessModel ref = SoftnessModel.read(req.reference());
            j.put("projection", Fluidity.projection(ref, m, ref.standardization().std()));
            j.put("projection_frame", "weights mapped to the reference model's standardisation");
            man.input(req.reference());
        }
        String onsetError = null;
        BarrierAnalysis.Result r = null;
        if (!req.sets().isEmpty()) {
            List<BarrierAnalysis.Sample> samples = new ArrayList<>();
            for (TemperatureSet t : req.sets()) {
                double[] x = Fluidity.x(SoftnessApply.projections(m, t.data()), scan.best(), sig);
                long[][] rws = FeatureFiles.readRows(t.data().resolve("rows.npy"));
                if (rws.length != x.length) throw new org.softglass.core.io.InputFormatException(t.data().resolve("rows.npy").toString(), -1, "has " + rws.length + " rows, features.npy has " + x.length);
                samples.add(TemperatureSet.sample(t.t(), x, rws, PhopTable.read(t.phop()), req.threshold(), req.lag()));
                man.input(t.data().resolve("features.npy")).input(t.phop().resolve("phop.npy"));
            }
            r = BarrierAnalysis.run(samples, new BarrierAnalysis.Options(req.bins(), req.bootstrap(), req.seed(), req.minEvents(), req.pMax(), req.kramers(),
                    req.strict(), false));
            if (req.onset()) {   // as in 'barriers': a refused onset fit still leaves the scan, x_alpha and per-bin fits written
                BarrierReport.Onset fit = BarrierReport.fitOnset(r, req.kramers(), req.minEvents(), req.pMax());
                r = fit.result();
                onsetError = fit.error();
            }
            j.put("barriers", BarrierReport.write(r, out, "x_alpha", outputs));
            if (onsetError != null) j.put("onset_error", onsetError);
        }
        Path json = out.resolve("fluidity.json");
        JsonFile.write(json, j);
        outputs.add(json);
        for (Path p : outputs) man.output(p);
        man.param("sets", req.sets().isEmpty() ? null : req.sets().stream().map(TemperatureSet::text).toList())
                .param("bins", req.bins().spec()).param("p_threshold", req.threshold()).param("lag", req.lag())
                .param("seed", req.seed()).param("kramers", req.kramers())
                .result("best_threshold", scan.best()).result("best_accuracy", scan.bestAccuracy()).result("sigma_alpha", sig)
                .write(out.resolve("fluidity.manifest.json"));
        return new Result(scan, sig, trainThreshold, r, onsetError);
    }
}
