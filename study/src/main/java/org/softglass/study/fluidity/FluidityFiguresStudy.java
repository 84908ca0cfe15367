package org.softglass.study.fluidity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.softglass.core.barriers.ArrheniusFit;
import org.softglass.core.barriers.BarrierAnalysis;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.dynamics.VanHove;
import org.softglass.core.fluidity.BiasScan;
import org.softglass.core.fluidity.Fluidity;
import org.softglass.core.io.FileTree;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.NpyDType;
import org.softglass.core.rearrange.TrainsetRun;
import org.softglass.core.rearrange.TrainsetWriter;
import org.softglass.core.rearrange.TrajectoryStream;
import org.softglass.core.softness.CrossValidation;
import org.softglass.core.softness.LinearSvm;
import org.softglass.core.softness.SoftnessApply;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.softness.SoftnessTrainer;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.core.structure.FeatureFiles;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;
import org.softglass.study.barriers.TemperatureSet;
import org.softglass.study.dynamics.FrameLoad;
import org.softglass.study.rearrange.PhopStudy;
import org.softglass.study.softness.TrainingStudy;
import org.softglass.study.structure.DescriptorStudy;

/**
 * The figures of paper 003 from thermal trajectories at several temperatures, in one run. Per temperature T
 * ({@code DIR/T0.900/…}): p_hop ({@link PhopStudy}), the {@code fluidity-100} descriptors of every A particle
 * ({@link DescriptorStudy}, 003 §II.A) and the self van Hove function at t = t_R ({@link VanHove}). Classifiers
 * ({@code DIR/models/NAME.json}, linear SVMs with penalty C, 003 §II.B): "tails" (extreme p_hop tails, 003 §II.B) at every
 * fluidity temperature, "immobile-random" (the low tail vs particles drawn at random above it, 003 App. 2) at one
 * temperature, and "softness" (rearranging vs stable) at one temperature. For each: the k-fold CV accuracy against the
 * bias (Fig. 1, {@link CrossValidation#outOfFold}), the test accuracy against the bias on a softness-labelled test set
 * (Figs. 2 and 8, {@link BiasScan}), σ_α, x_α = (w·F − b^best)/σ_α and the Kramers fits of P(R|x_α, T) over every
 * temperature, whose ΔE(x_α) and Σ(x_α) are overlaid across classifiers (Fig. 4), and the distribution of the
 * classifier's own α = w·F − b at every temperature (Fig. 5). Writes in DIR the CSVs {@code cv_accuracy_bias.csv},
 * {@code test_accuracy_bias.csv}, {@code van_hove.csv}, {@code barriers.csv}, {@code histograms.csv},
 * {@code classifiers.csv} (Table I), their PNGs ({@link FluidityFigures}), {@code figures.json} and
 * {@code figures.manifest.json}. A classifier whose Kramers fits refuse is a value of the result
 * ({@link ClassifierSummary#barriersError}); the other figures are still written.
 */
public final class FluidityFiguresStudy {
    private FluidityFiguresStudy() {}

    /** The descriptor set of 003 (100 radial functions, δ = 0.2, r = 0…4.9 for A and B neighbours). */
    public static final String FEATURES = "fluidity-100";

    /** One thermal trajectory at temperature t. */
    public record Run(double t, Path trajectory) {}

    /**
     * How training samples are labelled (003 §II.B; {@link TrainsetRun.Spec}).
     *
     * @param tR           p_hop window (τ; 003: 10)
     * @param dt           MD time step (τ)
     * @param lead         structure taken this long before the p_hop time (τ; 003: 2)
     * @param tailFraction fraction per tail for "tails" and the immobile tail of "immobile-random" (003: 0.00033)
     * @param pL           event threshold p_L of the softness labels (σ²)
     * @param pc           rearranging threshold on p* of the softness labels (σ²; 003: 0.2)
     * @param pStable      stable threshold of the softness labels (σ²; 003: 0.0085)
     * @param tauC         stable duration (τ; 003: 120)
     * @param maxPerLabel  cap per label (0: none)
     */
    public record Labelling(double tR, double dt, double lead, double tailFraction, double pL, double pc, double pStable, double tauC,
                            int maxPerLabel) {
        public Labelling {
            Checks.positive(tR, "tR");
            Checks.positive(dt, "dt");
            Checks.nonNegative(lead, "lead");
            if (!(tailFraction > 0 && tailFraction <= 0.5)) throw new InvalidParameter("{tailFraction} must be in (0, 0.5], got " + tailFraction);
            Checks.positive(pL, "pL");
            Checks.positive(pc, "pc");
            Checks.nonNegative(pStable, "pStable");
            Checks.positive(tauC, "tauC");
            Checks.atLeast(maxPerLabel, 0, "maxPerLabel");
        }

        TrainsetRun.Spec spec(TrainsetRun.Mode mode, long seed) {
            return new TrainsetRun.Spec(mode, tR, dt, pL, pc, pStable, tauC, lead, tailFraction, seed, maxPerLabel, "A");
        }
    }

    /**
     * P(R|x_α, T) and its Kramers fits (as {@code fluidity --set}).
     *
     * @param bins      x_α bins
     * @param pR        rearranging when p_hop &gt; pR (003: p_c = 0.2)
     * @param lag       frames between a row's structure and its p_hop
     * @param bootstrap bootstrap replicates of P(R|x)
     * @param minEvents fewest rearrangements of a usable point
     * @param pMax      P(R|x) at or above which a point is dropped
     */
    public record Barriers(SoftnessBins bins, double pR, int lag, int bootstrap, long minEvents, double pMax) {
        public Barriers {
            Checks.positive(pR, "pThreshold");
            Checks.atLeast(lag, 0, "lag");
            Checks.atLeast(bootstrap, 0, "bootstrap");
            Checks.atLeast(minEvents, 0, "minEvents");
            if (!(pMax > 0 && pMax <= 1)) throw new InvalidParameter("{pMax} must be in (0, 1], got " + pMax);
        }
    }

    /**
     * @param runs       thermal trajectories, at least 2 distinct temperatures
     * @param fluidityAt training temperatures of the "tails" classifiers (empty: every temperature above the lowest)
     * @param randomAt   training temperature of the immobile-random classifier (null: the highest)
     * @param softnessAt training temperature of the softness classifier (null: the lowest)
     * @param testAt     temperature of the softness-labelled test set (null: the lowest)
     * @param labels     the labelling rules
     * @param c          SVM penalty C (003: 0.01)
     * @param folds      k of the cross-validation, ≥ 2
     * @param barriers   the P(R|x_α, T) options
     * @param vanHoveDr  bin width of G_s (σ)
     * @param vanHoveMax largest |Δr| binned (σ)
     * @param seed       sampling, fold and bootstrap seed
     */
    public record Request(List<Run> runs, List<Double> fluidityAt, Double randomAt, Double softnessAt, Double testAt, Labelling labels,
                          double c, int folds, Barriers barriers, double vanHoveDr, double vanHoveMax, long seed) {
        public Request {
            runs = List.copyOf(runs);
            fluidityAt = fluidityAt == null ? List.of() : List.copyOf(fluidityAt);
            if (runs.size() < 2) throw new InvalidParameter("{traj} expected trajectories at 2 or more temperatures, got " + runs.size());
            for (int i = 0; i < runs.size(); i++) {
                Checks.positive(runs.get(i).t(), "traj");
                for (int j = 0; j < i; j++) {
                    if (runs.get(j).t() == runs.get(i).t()) throw new InvalidParameter("{traj} temperature " + runs.get(i).t() + " given twice");
                    if (tName(runs.get(j).t()).equals(tName(runs.get(i).t()))) {   // one directory DIR/T… would hold both
                        throw new InvalidParameter("{traj} temperatures " + runs.get(j).t() + " and " + runs.get(i).t() + " share the directory "
                                + tName(runs.get(i).t()) + "; differ in the first 3 decimals");
                    }
                }
            }
            for (Double t : fluidityAt) requireRun(runs, t, "fluidityAt");
            if (randomAt != null) requireRun(runs, randomAt, "randomAt");
            if (softnessAt != null) requireRun(runs, softnessAt, "softnessAt");
            if (testAt != null) requireRun(runs, testAt, "testAt");
            Checks.positive(c, "C");
            if (folds < 2) throw new InvalidParameter("{folds} must be >= 2 (the CV accuracy against the bias), got " + folds);
            Checks.positive(vanHoveDr, "vanHoveDr");
            if (!(vanHoveMax >= vanHoveDr)) throw new InvalidParameter("{vanHoveMax} must be >= the bin width " + vanHoveDr + ", got " + vanHoveMax);
        }

        private static void requireRun(List<Run> runs, double t, String name) {
            if (runs.stream().noneMatch(r -> r.t() == t)) {
                throw new InvalidParameter("{" + name + "} " + t + " is not one of the trajectories' temperatures "
                        + runs.stream().map(r -> Double.toString(r.t())).toList());
            }
        }

        /** The temperatures, ascending. */
        public double[] temperatures() { return runs.stream().mapToDouble(Run::t).sorted().toArray(); }

        double lowest() { return temperatures()[0]; }

        double highest() { double[] t = temperatures(); return t[t.length - 1]; }

        List<Double> fluidityTemperatures() {
            if (!fluidityAt.isEmpty()) return fluidityAt;
            List<Double> l = new ArrayList<>();
            for (double t : temperatures()) if (t != lowest()) l.add(t);
            return l;
        }
    }

    /** What each temperature gave: its directories and the van Hove function. */
    record Temperature(Run run, Path dir, Path phop, Path descriptors, VanHove vanHove) {}

    /**
     * @param classifiers the classifiers with their Table I numbers
     * @param vanHove     G_s(r, t_R) per temperature (ascending T)
     * @param files       every file written in DIR (the figures and their tables)
     */
    public record Result(List<ClassifierSummary> classifiers, Map<Double, VanHove> vanHove, List<Path> files) {}

    /** Runs every step of {@code req} into {@code out}. */
    public static Result run(Request req, Path out, StudyContext ctx) throws IOException {
        for (Run r : req.runs()) if (!Files.isRegularFile(r.trajectory())) throw new NoSuchFileException(r.trajectory().toString());
        boolean outExisted = Files.exists(out);
        Files.createDirectories(out);
        Map<Double, Temperature> temps = new TreeMap<>();
        for (Run r : req.runs()) {
            Path dir = out.resolve(tName(r.t()));
            boolean existed = Files.exists(dir);
            try {
                temps.put(r.t(), temperature(req, r, out, ctx));
            } catch (IOException | RuntimeException e) {
                if (!existed) removeTree(dir);                       // a refused trajectory leaves no folders behind
                if (!outExisted && temps.isEmpty()) removeTree(out);
                throw e;
            }
        }
        // classifiers: tails at every fluidity temperature, immobile-random at one, softness at one
        double softT = req.softnessAt() != null ? req.softnessAt() : req.lowest();
        double testT = req.testAt() != null ? req.testAt() : req.lowest();
        double randT = req.randomAt() != null ? req.randomAt() : req.highest();
        record Planned(String kind, TrainsetRun.Mode mode, double t) {}
        List<Planned> plan = new ArrayList<>();
        for (double t : req.fluidityTemperatures()) plan.add(new Planned("tails", TrainsetRun.Mode.TAILS, t));
        plan.add(new Planned("immobile-random", TrainsetRun.Mode.IMMOBILE_RANDOM, randT));
        plan.add(new Planned("softness", TrainsetRun.Mode.SOFTNESS, softT));
        java.util.Set<Path> made = new java.util.HashSet<>();
        Path testDir = trainingSet(req, temps.get(testT), TrainsetRun.Mode.SOFTNESS, made, ctx);
        TrainsetWriter.TrainingSet test = TrainsetWriter.read(testDir);
        Path models = out.resolve("models");
        Files.createDirectories(models);

        Manifest man = new Manifest(ctx.version(), "fluidity-figures");
        for (Temperature t : temps.values()) man.input(t.run().trajectory());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", "softglass.fluidity-figures/1");
        json.put("test_temperature", testT);
        json.put("test_samples", test.labels().length);
        json.put("bias", "b of alpha = w.F - b on the classifier's standardised features: rearranging predicted when w.F > b");

        List<FluidityFigures.Curve> cv = new ArrayList<>(), tests = new ArrayList<>();
        List<FluidityFigures.BarrierCurve> barrierCurves = new ArrayList<>();
        List<FluidityFigures.Histogram> histograms = new ArrayList<>();
        List<ClassifierSummary> summaries = new ArrayList<>();
        SoftnessModel softModel = null;
        record Fitted(Planned p, String name, SoftnessModel m, Path modelFile, TrainingStudy.TrainResult tr, BiasScan cvScan, BiasScan testScan) {}
        List<Fitted> fitted = new ArrayList<>();
        for (Planned p : plan) {
            Temperature at = temps.get(p.t());
            Path set = trainingSet(req, at, p.mode(), made, ctx);
            String name = p.kind() + "-" + tName(p.t());
            Path modelFile = models.resolve(name + ".json");
            TrainingStudy.TrainResult tr = TrainingStudy.train(new TrainingStudy.TrainRequest(List.of(set),
                    new SoftnessTrainer.Options(req.c(), req.folds(), LinearSvm.Solver.AUTO, 1e-4, req.seed())), modelFile, ctx);
            SoftnessModel m = tr.model();
            if (p.kind().equals("softness")) softModel = m;
            TrainsetWriter.TrainingSet ts = TrainsetWriter.read(set);
            LinearSvm.Solver solver = LinearSvm.Solver.AUTO.resolve(ts.x().length, m.size());
            CrossValidation.OutOfFold oof = CrossValidation.outOfFold(ts.x(), ts.labels(), req.folds(), req.c(), solver, 1e-4, req.seed());
            BiasScan cvScan = BiasScan.scan(oof.decisions(), ts.labels());
            m.requireColumns(FeatureFiles.names(test.columns()), testDir.resolve("features.json").toString());
            double[] dTest = new double[test.labels().length], z = new double[m.size()];
            for (int i = 0; i < dTest.length; i++) dTest[i] = m.projection(test.x()[i], z);
            BiasScan testScan = BiasScan.scan(dTest, test.labels());
            cv.add(new FluidityFigures.Curve(name, p.kind(), p.t(), cvScan));
            tests.add(new FluidityFigures.Curve(name, p.kind(), p.t(), testScan));
            fitted.add(new Fitted(p, name, m, modelFile, tr, cvScan, testScan));
            man.output(modelFile);
        }
        // rows and p_hop of each temperature, read once for every classifier (a read refused here is each classifier's
        // barriers error, as when each read its own; the temperatures after it are then missing)
        Map<Double, long[][]> rowsAt = new TreeMap<>();
        Map<Double, double[]> phopAt = new TreeMap<>();
        String readError = null;
        try {
            for (Temperature t : temps.values()) {
                long[][] rows = FeatureFiles.readRows(t.descriptors().resolve("rows.npy"));
                phopAt.put(t.run().t(), TemperatureSet.phopAt(rows, PhopTable.read(t.phop()), req.barriers().lag()));
                rowsAt.put(t.run().t(), rows);
            }
        } catch (IllegalArgumentException e) {
            readError = e.getMessage();
        }
        for (Fitted f : fitted) {
            Planned p = f.p();
            String name = f.name();
            SoftnessModel m = f.m();
            TrainingStudy.TrainResult tr = f.tr();
            BiasScan cvScan = f.cvScan(), testScan = f.testScan();
            Map<Double, double[]> d = new TreeMap<>();
            for (Temperature t : temps.values()) d.put(t.run().t(), SoftnessApply.projections(m, t.descriptors()));
            double sigma = Descriptive.std(d.get(p.t()), Descriptive.Divisor.SAMPLE);
            histograms.add(new FluidityFigures.Histogram(name, d, m.plane().b()));
            String barrierError = null;
            try {
                List<BarrierAnalysis.Sample> samples = new ArrayList<>();
                for (Temperature t : temps.values()) {
                    double[] x = Fluidity.x(d.get(t.run().t()), testScan.best(), sigma);
                    if (!phopAt.containsKey(t.run().t())) throw new IllegalArgumentException(readError);
                    samples.add(TemperatureSet.sample(t.run().t(), x, rowsAt.get(t.run().t()), phopAt.get(t.run().t()), req.barriers().pR()));
                }
                Barriers b = req.barriers();
                BarrierAnalysis.Result r = BarrierAnalysis.run(samples, new BarrierAnalysis.Options(b.bins(), b.bootstrap(), req.seed(),
                        b.minEvents(), b.pMax(), true, false, false));
                barrierCurves.add(new FluidityFigures.BarrierCurve(name, p.kind(), r.fits()));
                if (r.fits().isEmpty()) barrierError = "no x_alpha bin had a usable point at 2 or more temperatures: " + r.dropped();
            } catch (IllegalArgumentException e) {
                barrierError = e.getMessage();
            }
            Double projection = softModel == null ? null : Fluidity.projection(softModel, m, softModel.standardization().std());
            summaries.add(new ClassifierSummary(name, p.kind(), p.t(), f.modelFile(), tr.samples(), tr.cvAccuracy(), cvScan.best(),
                    cvScan.bestAccuracy(), -m.plane().b(), sigma, testScan.best(), testScan.bestAccuracy(), projection, barrierError));
        }
        Map<Double, VanHove> vh = new TreeMap<>();
        for (Temperature t : temps.values()) vh.put(t.run().t(), t.vanHove());
        List<Path> files = FluidityFigures.write(out, cv, tests, vh, barrierCurves, histograms, summaries);
        List<Map<String, Object>> cls = new ArrayList<>();
        for (ClassifierSummary s : summaries) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", s.name());
            c.put("kind", s.kind());
            c.put("train_temperature", s.trainT());
            c.put("model", out.relativize(s.model()).toString());
            c.put("samples", s.samples());
            c.put("cv_accuracy", s.cvAccuracy());
            c.put("cv_best_bias", s.cvBestBias());
            c.put("cv_best_accuracy", s.cvBestAccuracy());
            c.put("train_bias", s.trainBias());
            c.put("sigma_alpha", s.sigma());
            c.put("best_bias", s.bestBias());
            c.put("best_test_accuracy", s.bestTestAccuracy());
            c.put("projection_on_softness", s.projection());
            if (s.barriersError() != null) c.put("barriers_error", s.barriersError());
            cls.add(c);
        }
        json.put("classifiers", cls);
        if (softT == testT) json.put("note", "the test set is the softness classifier's own training temperature: its test accuracy is in-sample");
        Path jf = out.resolve("figures.json");
        JsonFile.write(jf, json);
        files.add(jf);
        for (Path p : files) man.output(p);
        man.param("temperatures", req.temperatures()).param("fluidity_at", req.fluidityTemperatures()).param("random_at", randT)
                .param("softness_at", softT).param("test_at", testT).param("tR", req.labels().tR()).param("dt", req.labels().dt())
                .param("lead", req.labels().lead()).param("tail_fraction", req.labels().tailFraction()).param("pl_event", req.labels().pL())
                .param("pc", req.labels().pc()).param("p_stable", req.labels().pStable()).param("tau_c", req.labels().tauC())
                .param("max_per_label", req.labels().maxPerLabel()).param("C", req.c()).param("folds", req.folds())
                .param("bins", req.barriers().bins().spec()).param("p_threshold", req.barriers().pR()).param("lag", req.barriers().lag())
                .param("bootstrap", req.barriers().bootstrap()).param("min_events", req.barriers().minEvents()).param("p_max", req.barriers().pMax())
                .param("van_hove_dr", req.vanHoveDr()).param("van_hove_max", req.vanHoveMax())
                .param("seed", req.seed()).param("threads", ctx.threads()).param("features", FEATURES)
                .write(out.resolve("figures.manifest.json"));
        return new Result(summaries, vh, files);
    }

    /** p_hop, descriptors and G_s(r, t_R) of one temperature into DIR/T…. */
    private static Temperature temperature(Request req, Run r, Path out, StudyContext ctx) throws IOException {
        Path dir = out.resolve(tName(r.t()));
        Path phop = dir.resolve("phop"), desc = dir.resolve("descriptors");
        PhopStudy.Result ph = PhopStudy.run(new PhopStudy.Request(r.trajectory(), req.labels().tR(), req.labels().dt()), phop, ctx);
        DescriptorStudy.run(DescriptorStudy.Request.of(r.trajectory(), DescriptorSpec.preset(FEATURES), 0, NpyDType.FLOAT64), desc, ctx);
        FrameLoad load;
        try (TrajectoryStream ts = TrajectoryStream.open(r.trajectory(), req.labels().dt(), false)) {
            load = FrameLoad.read(ts, 2, "");
        }
        int lag = (int) Math.max(1, Math.round(req.labels().tR() / ph.frameSpacing()));
        if (lag >= ph.frames()) {
            throw new InvalidParameter("{tR} " + req.labels().tR() + " is " + lag + " frames of " + r.trajectory() + ", which has only "
                    + ph.frames() + " frames: G_s(r, t_R) needs a lag inside the trajectory");
        }
        int bins = (int) Math.round(req.vanHoveMax() / req.vanHoveDr());
        VanHove vh = VanHove.compute(load.trajectory(ph.frameSpacing()), 0, lag, req.vanHoveDr(), bins);
        return new Temperature(r, dir, phop, desc, vh);
    }

    /**
     * Deletes {@code dir} and everything in it, deepest first (best effort: a file that cannot be deleted is left). Called
     * only on folders this run created, when a temperature's trajectory is refused part-way.
     */
    private static void removeTree(Path dir) {
        try {
            FileTree.delete(dir);
        } catch (IOException ignored) {
            // best effort: the refusal itself is what the caller reports
        }
    }

    /** The training set of one mode at one temperature, DIR/T…/MODE (written once; the test set reuses a softness set). */
    private static Path trainingSet(Request req, Temperature t, TrainsetRun.Mode mode, java.util.Set<Path> made, StudyContext ctx) throws IOException {
        Path set = t.dir().resolve(mode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (!made.add(set)) return set;
        TrainingStudy.trainingSet(new TrainingStudy.SetRequest(t.run().trajectory(), t.phop(), FEATURES, req.labels().spec(mode, req.seed())), set, ctx);
        return set;
    }

    /** {@code T0.900}: the directory and classifier suffix of a temperature. */
    static String tName(double t) { return String.format(Locale.ROOT, "T%.3f", t); }
}
