package org.softglass.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.core.softness.FeatureFiles;
import org.softglass.core.softness.LinearSvm;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.softness.SoftnessTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass train DIR --out MODEL.json}: trains the softness (or fluidity) classifier on a
 * training directory (samples.csv, samples_features.npy, features.json) — standardised features,
 * squared-hinge L2 linear SVM (liblinear), seeded stratified k-fold CV.
 * Writes MODEL.json, MODEL.weights.csv, MODEL.png (S distributions of the two classes) and
 * MODEL.json.manifest.json.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a linear SVM softness classifier (liblinear, squared hinge, L2) on a training set directory.",
                "Writes MODEL.json, MODEL.weights.csv (column,weight,mean,std), MODEL.png and MODEL.json.manifest.json."})
final class TrainCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Training set(s): samples.csv, samples_features.npy, features.json; "
            + "several sets (e.g. one per temperature) are pooled and must have the same feature columns.")
    List<Path> dirs;

    @Option(names = "--out", required = true, paramLabel = "MODEL.json", description = "Model file to write.")
    Path out;

    @Option(names = "--C", defaultValue = "1", description = "SVM penalty C (default: ${DEFAULT-VALUE}).")
    double c;

    @Option(names = "--folds", defaultValue = "5", description = "k for stratified k-fold cross-validation; 0 skips it (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the fold split and the dual solver (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--solver", defaultValue = "auto", description = "auto (primal when samples >= 10 x features), primal or dual (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--eps", defaultValue = "1e-4", description = "liblinear stopping tolerance (default: ${DEFAULT-VALUE}).")
    double eps;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws Exception {
        OptionChecks.positive(c, "--C");
        OptionChecks.positive(eps, "--eps");
        LinearSvm.Solver s = switch (solver.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> LinearSvm.Solver.AUTO;
            case "primal" -> LinearSvm.Solver.PRIMAL;
            case "dual" -> LinearSvm.Solver.DUAL;
            default -> throw new IllegalArgumentException("--solver: expected auto, primal or dual, got '" + solver + "'");
        };
        if (folds == 1 || folds < 0) throw new IllegalArgumentException("--folds must be 0 or >= 2, got " + folds);
        FeatureFiles.TrainingSet ts = pooled(dirs);
        Path dir = dirs.getFirst();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("input", dirs.size() == 1 ? dir.toString() : dirs.stream().map(Path::toString).toList());
        prov.put("softglass", Version.get());
        // the descriptor set the features came from, so 'softness MODEL TRAJ' can recompute it
        var fj = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("features.json").toFile());
        Map<String, Object> set = new LinkedHashMap<>();
        for (String k : new String[] {"preset", "rmax", "tolerance", "center_species"}) {
            var v = fj.get(k);
            set.put(k, v == null || v.isNull() ? null : v.isNumber() ? (Object) v.doubleValue() : v.asText());
        }
        prov.put("feature_set", set);
        SoftnessTrainer.Result r = SoftnessTrainer.train(ts.x(), ts.labels(), ts.columns(), new SoftnessTrainer.Options(c, folds, s, eps, seed), prov);
        SoftnessModel m = r.model();
        m.write(out);
        String base = out.toString().endsWith(".json") ? out.toString().substring(0, out.toString().length() - 5) : out.toString();
        Path weights = Path.of(base + ".weights.csv"), png = Path.of(base + ".png");
        List<Object[]> rows = new ArrayList<>();
        for (int j = 0; j < m.size(); j++) {
            rows.add(new Object[] {"\"" + m.columnNames().get(j).replace("\"", "\"\"") + "\"", m.plane().w()[j],
                    m.standardization().mean()[j], m.standardization().std()[j]});
        }
        Csv.write(weights, "column,weight,mean,std", rows);
        plot(m, ts, png);
        Manifest man = new Manifest(Version.get(), "train").param("C", c).param("folds", folds).param("seed", seed).param("solver", m.training().get("solver"))
                .param("eps", eps);
        for (Path d : dirs) man.input(d.resolve("samples.csv")).input(d.resolve("samples_features.npy")).input(d.resolve("features.json"));
        man.output(out).output(weights).output(png).result("samples", ts.labels().length).result("train_accuracy", r.trainAccuracy())
                .result("cv_accuracy", Double.isNaN(r.cvAccuracy()) ? null : r.cvAccuracy()).result("bias", m.plane().b())
                .write(Path.of(out + ".manifest.json"));
        if (!run.quiet()) {
            System.out.println("trained on " + ts.labels().length + " samples, " + m.size() + " features: training accuracy " + Csv.fmt(r.trainAccuracy())
                    + (folds > 0 ? ", " + folds + "-fold CV accuracy " + Csv.fmt(r.cvAccuracy()) : ""));
        }
        return ExitCodes.OK;
    }

    /**
     * The training sets of {@code dirs} stacked in the given order (rows of the first set first);
     * every set must have the first one's feature columns.
     */
    static FeatureFiles.TrainingSet pooled(List<Path> dirs) throws java.io.IOException {
        FeatureFiles.TrainingSet first = FeatureFiles.readTrainingSet(dirs.getFirst());
        if (dirs.size() == 1) return first;
        List<FeatureFiles.TrainingSet> sets = new ArrayList<>(List.of(first));
        for (Path d : dirs.subList(1, dirs.size())) {
            FeatureFiles.TrainingSet t = FeatureFiles.readTrainingSet(d);
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
        for (FeatureFiles.TrainingSet t : sets) {
            for (int i = 0; i < t.labels().length; i++, k++) {
                x[k] = t.x()[i]; lab[k] = t.labels()[i]; frame[k] = t.frame()[i]; id[k] = t.id()[i]; ph[k] = t.phop()[i];
            }
        }
        return new FeatureFiles.TrainingSet(x, lab, frame, id, ph, first.columns());
    }

    private static void plot(SoftnessModel m, FeatureFiles.TrainingSet ts, Path png) throws java.io.IOException {
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
