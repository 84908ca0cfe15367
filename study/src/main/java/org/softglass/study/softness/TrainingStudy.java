package org.softglass.study.softness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.Manifest;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.plot.Plot;
import org.softglass.core.rearrange.FeatureSource;
import org.softglass.core.rearrange.FeatureSources;
import org.softglass.core.rearrange.PhopFiles;
import org.softglass.core.rearrange.TrainsetRun;
import org.softglass.core.rearrange.TrainsetWriter;
import org.softglass.core.structure.FeatureFiles;
import org.softglass.core.softness.LinearSvm;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.softness.SoftnessTrainer;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.StudyContext;

/**
 * Training the softness (or fluidity) classifier: a balanced, seeded, labelled training set of a trajectory
 * ({@link #trainingSet}, {@link TrainsetRun}), and the linear SVM on one or more such sets ({@link #train}, standardised
 * features, squared-hinge L2 liblinear, seeded stratified k-fold CV; {@link SoftnessTrainer}).
 */
public final class TrainingStudy {
    private TrainingStudy() {}

    /**
     * @param trajectory a trajectory with unwrapped positions
     * @param phop       a p_hop directory of that trajectory to reuse (its window replaces t_R), or null: computed
     * @param features   a feature set name ({@link FeatureSources#NAMES}) or a spec file
     * @param spec       labels, windows, thresholds, seed, species
     */
    public record SetRequest(Path trajectory, Path phop, String features, TrainsetRun.Spec spec) {
        public SetRequest {
            if (phop != null && !PhopFiles.isPhopDir(phop)) {
                throw new InvalidParameter("{phop} " + phop + " is not a directory holding phop.json (written by 'softglass phop')");
            }
        }
    }

    /**
     * Writes the training set of {@code req} into {@code out}: samples.csv (frame,timestep,id,type,label,phop),
     * samples_features.npy (float64), features.json, phop.npy and phop.json (unless reused) and trainset.manifest.json.
     *
     * @throws IllegalStateException if either label has no candidates
     */
    public static TrainsetRun.Summary trainingSet(SetRequest req, Path out, StudyContext ctx) throws IOException {
        // a missing input fails before the output directory is created
        if (!Files.isRegularFile(req.trajectory())) throw new NoSuchFileException(req.trajectory().toString());
        Files.createDirectories(out);
        TrainsetRun.Spec spec = req.spec();
        TrainsetRun.Summary s;
        try (Parallel par = new Parallel(ctx.threads()); FeatureSource fs = FeatureSources.byName(req.features(), ctx.threads())) {
            // one meter per pass: the feature pass replaces the p_hop meter when it starts
            StudyContext.Meter phopBar = ctx.progress().start("trainset p_hop", -1, "frames");
            StudyContext.Meter[] featureBar = new StudyContext.Meter[1];
            try {
                s = TrainsetRun.run(req.trajectory(), req.phop(), spec, fs, out, par, phopBar::stepTo, k -> {
                    if (featureBar[0] == null) {
                        phopBar.close();
                        featureBar[0] = ctx.progress().start("trainset features", -1, "frames");
                    }
                    featureBar[0].stepTo(k);
                });
            } finally {
                if (featureBar[0] == null) phopBar.close();
                else featureBar[0].close();
            }
        }
        Manifest man = new Manifest(ctx.version(), "trainset").param("mode", spec.mode().name().toLowerCase(Locale.ROOT)).param("features", req.features())
                .param("tR", spec.tR()).param("dt", spec.dt()).param("pL", spec.pL()).param("pc", spec.pc()).param("p_stable", spec.pStable())
                .param("tau_c", Double.isNaN(spec.tauC()) ? null : spec.tauC()).param("lead", spec.lead()).param("tail_fraction", spec.tailFraction())
                .param("seed", spec.seed()).param("max_per_label", spec.maxPerLabel()).param("species", spec.species()).param("threads", ctx.threads())
                .input(req.trajectory(), s.phop().header().trajectory().sha256());   // checked equal to the p_hop directory's record
        for (String f : new String[] {"samples.csv", "samples_features.npy", "features.json"}) man.output(out.resolve(f));
        if (req.phop() == null) {
            man.output(PhopFiles.npy(out)).output(PhopFiles.json(out));
        } else {
            man.param("phop", req.phop().toString()).input(PhopFiles.json(req.phop())).input(PhopFiles.npy(req.phop()));
        }
        man.result("tR_effective", s.phop().header().effectiveTR());
        man.result("frames", s.phop().frames()).result("particles", s.phop().header().size())
                .result("half_window_frames", s.phop().header().halfWindow()).result("lead_frames", s.leadFrames())
                .result("candidates_label1", s.candidates1()).result("candidates_label0", s.candidates0())
                .result("skipped_before_start", s.skippedBeforeStart()).result("rows", s.rows())
                .result("feature_columns", s.written().columns());
        for (Map.Entry<String, Object> e : s.extra().entrySet()) man.result(e.getKey(), e.getValue());
        man.write(out.resolve("trainset.manifest.json"));
        return s;
    }

    /**
     * @param sets    training set directories, pooled in order; they must have the same feature columns
     * @param options C, folds, solver, tolerance, seed
     */
    public record TrainRequest(List<Path> sets, SoftnessTrainer.Options options) {
        public TrainRequest {
            if (sets.isEmpty()) throw new InvalidParameter("sets: expected at least one training set directory");
            sets = List.copyOf(sets);
        }

        /** The pipeline's classifier: C = 1, 5 folds, the automatic solver, tolerance 1e-4. */
        public static TrainRequest of(List<Path> sets, long seed) {
            return new TrainRequest(sets, new SoftnessTrainer.Options(1.0, 5, LinearSvm.Solver.AUTO, 1e-4, seed));
        }
    }

    /** @param samples rows pooled; {@code cvAccuracy} NaN when CV was skipped */
    public record TrainResult(SoftnessModel model, int samples, double trainAccuracy, double cvAccuracy) {}

    /**
     * Trains the classifier of {@code req} and writes {@code model} (MODEL.json), MODEL.weights.csv
     * (column,weight,mean,std), MODEL.png (S distributions of the two classes) and MODEL.json.manifest.json.
     */
    public static TrainResult train(TrainRequest req, Path model, StudyContext ctx) throws IOException {
        List<Path> dirs = req.sets();
        TrainsetWriter.TrainingSet ts = pooled(dirs);
        Path dir = dirs.getFirst();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("input", dirs.size() == 1 ? dir.toString() : dirs.stream().map(Path::toString).toList());
        prov.put("softglass", ctx.version());
        // the descriptor set the features came from, so the softness of a trajectory can recompute it
        prov.put("feature_set", org.softglass.core.structure.FeatureFiles.featureSet(dir.resolve("features.json")).asMap());
        SoftnessTrainer.Options o = req.options();
        SoftnessTrainer.Result r = SoftnessTrainer.train(ts.x(), ts.labels(), ts.columns(), o, prov);
        SoftnessModel m = r.model();
        m.write(model);
        String base = model.toString().endsWith(".json") ? model.toString().substring(0, model.toString().length() - 5) : model.toString();
        Path weights = Path.of(base + ".weights.csv"), png = Path.of(base + ".png");
        List<Object[]> rows = new ArrayList<>();
        for (int j = 0; j < m.size(); j++) {
            rows.add(new Object[] {"\"" + m.columnNames().get(j).replace("\"", "\"\"") + "\"", m.plane().w()[j],
                    m.standardization().mean()[j], m.standardization().std()[j]});
        }
        CsvRows.write(weights, "column,weight,mean,std", rows);
        plot(m, ts, png);
        Manifest man = new Manifest(ctx.version(), "train").param("C", o.c()).param("folds", o.folds()).param("seed", o.seed())
                .param("solver", m.training().get("solver")).param("eps", o.eps());
        for (Path d : dirs) man.input(d.resolve("samples.csv")).input(d.resolve("samples_features.npy")).input(d.resolve("features.json"));
        man.output(model).output(weights).output(png).result("samples", ts.labels().length).result("train_accuracy", r.trainAccuracy())
                .result("cv_accuracy", Double.isNaN(r.cvAccuracy()) ? null : r.cvAccuracy()).result("bias", m.plane().b())
                .write(Path.of(model + ".manifest.json"));
        return new TrainResult(m, ts.labels().length, r.trainAccuracy(), r.cvAccuracy());
    }

    /**
     * The training sets of {@code dirs} stacked in the given order (rows of the first set first); every set must have
     * the first one's feature columns.
     */
    public static TrainsetWriter.TrainingSet pooled(List<Path> dirs) throws IOException {
        TrainsetWriter.TrainingSet first = TrainsetWriter.read(dirs.getFirst());
        if (dirs.size() == 1) return first;
        List<TrainsetWriter.TrainingSet> sets = new ArrayList<>(List.of(first));
        for (Path d : dirs.subList(1, dirs.size())) {
            TrainsetWriter.TrainingSet t = TrainsetWriter.read(d);
            if (!t.columns().equals(first.columns())) {
                throw new IllegalArgumentException(d.resolve("features.json") + ": feature columns differ from those of " + dirs.getFirst()
                        + "; pooled training sets must come from the same descriptor set");
            }
            sets.add(t);
        }
        int n = sets.stream().mapToInt(t -> t.labels().length).sum(), k = 0;
        double[][] x = new double[n][];
        int[] lab = new int[n];
        long[] frame = new long[n], id = new long[n];
        double[] ph = new double[n];
        for (TrainsetWriter.TrainingSet t : sets) {
            for (int i = 0; i < t.labels().length; i++, k++) {
                x[k] = t.x()[i]; lab[k] = t.labels()[i]; frame[k] = t.frame()[i]; id[k] = t.id()[i]; ph[k] = t.phop()[i];
            }
        }
        return new TrainsetWriter.TrainingSet(x, lab, frame, id, ph, first.columns());
    }

    private static void plot(SoftnessModel m, TrainsetWriter.TrainingSet ts, Path png) throws IOException {
        int n = ts.labels().length;
        double[] s = new double[n], z = new double[m.size()];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) { s[i] = m.softness(ts.x()[i], z); lo = Math.min(lo, s[i]); hi = Math.max(hi, s[i]); }
        int nb = 40;
        double w = (hi - lo) / nb + 1e-12;
        double[] x = new double[nb], h0 = new double[nb], h1 = new double[nb];
        int n1 = 0;
        for (int v : ts.labels()) n1 += v;
        for (int k = 0; k < nb; k++) x[k] = lo + (k + 0.5) * w;
        for (int i = 0; i < n; i++) {
            int k = Math.min(nb - 1, (int) ((s[i] - lo) / w));
            if (ts.labels()[i] == 1) h1[k] += 1.0 / (n1 * w); else h0[k] += 1.0 / ((n - n1) * w);
        }
        Plot.xy("Softness of the training samples", "S", "P(S)").line("label 0 (stable)", x, h0).line("label 1 (rearranging)", x, h1).save(png);
    }
}
