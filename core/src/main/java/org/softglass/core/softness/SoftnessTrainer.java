package org.softglass.core.softness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a softness classifier (DESIGN §4): standardise the training rows, fit the squared-hinge
 * L2 linear SVM ({@link LinearSvm}), measure the stratified k-fold cross-validated accuracy
 * ({@link CrossValidation}) and the training accuracy. Deterministic for a seed.
 */
public final class SoftnessTrainer {
    /**
     * @param c penalty C (DESIGN: 1)
     * @param folds k for cross-validation (0 = skip it)
     * @param solver liblinear solver
     * @param eps liblinear stopping tolerance
     * @param seed seed of the fold split and the dual solver
     */
    public record Options(double c, int folds, LinearSvm.Solver solver, double eps, long seed) {
        /** C = 1, 5 folds, AUTO solver, eps = 1e-4 (liblinear's default for this solver is 0.01/0.1; tighter here), seed 1. */
        public static Options defaults() { return new Options(1.0, 5, LinearSvm.Solver.AUTO, 1e-4, 1L); }
    }

    /** The trained model with its accuracies (cvAccuracy is NaN when folds = 0). */
    public record Result(SoftnessModel model, double trainAccuracy, double cvAccuracy) {}

    private SoftnessTrainer() {}

    /**
     * Trains on raw feature rows {@code x} (n × M, not modified) with labels {@code y} ∈ {0,1}.
     *
     * @param columns the feature column descriptions (each with "name"), length M
     * @param provenance extra entries for the model's "training" block (input paths, counts, …)
     */
    public static Result train(double[][] x, int[] y, List<Map<String, Object>> columns, Options o, Map<String, Object> provenance) {
        Standardization st = Standardization.fit(x);
        double[][] z = st.apply(x);
        LinearSvm.Solver solver = o.solver().resolve(x.length, st.size());
        Hyperplane h = LinearSvm.train(z, y, o.c(), solver, o.eps(), o.seed());
        long correct = 0;
        int ones = 0;
        for (int i = 0; i < z.length; i++) {
            if ((h.value(z[i]) > 0 ? 1 : 0) == y[i]) correct++;
            ones += y[i];
        }
        double train = (double) correct / x.length;
        double cv = o.folds() > 0 ? CrossValidation.accuracy(x, y, o.folds(), o.c(), solver, o.eps(), o.seed()) : Double.NaN;
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("C", o.c());
        t.put("loss", "squared_hinge");
        t.put("penalty", "l2");
        t.put("solver", solver == LinearSvm.Solver.PRIMAL ? "L2R_L2LOSS_SVC" : "L2R_L2LOSS_SVC_DUAL");
        t.put("eps", o.eps());
        t.put("seed", o.seed());
        t.put("folds", o.folds());
        t.put("samples", x.length);
        t.put("positives", ones);
        t.put("train_accuracy", train);
        if (o.folds() > 0) t.put("cv_accuracy", cv);
        if (provenance != null) t.putAll(provenance);
        return new Result(new SoftnessModel(h, st, columns, t), train, cv);
    }
}
