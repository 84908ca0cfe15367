package org.softglass.core.softness;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearSvmTest {

    // agreement with scikit-learn's LinearSVC on a stored fixture: the catalogue check softness.svm-sklearn
    // (validation module, run by CoreChecksTest and by 'softglass validate')

    /** Planted truth: two unit-covariance Gaussians whose means differ by 3 along a random unit u. */
    @Test
    void recoversPlantedDirectionAndAccuracy() {
        int m = 8, n = 2000;
        Random rnd = new Random(11);
        double[] u = new double[m];
        double norm = 0;
        for (int j = 0; j < m; j++) { u[j] = rnd.nextGaussian(); norm += u[j] * u[j]; }
        for (int j = 0; j < m; j++) u[j] /= Math.sqrt(norm);
        double[][] x = new double[n][m];
        int[] y = new int[n];
        double[] scale = {1, 2, 0.5, 3, 1, 1, 0.7, 4};   // unequal raw scales: standardisation must be undone correctly
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double shift = (y[i] == 1 ? 1.5 : -1.5);
            for (int j = 0; j < m; j++) x[i][j] = (rnd.nextGaussian() + shift * u[j]) * scale[j] + 5;
        }
        var res = SoftnessTrainer.train(x, y, columns(m), SoftnessTrainer.Options.defaults(), Map.of());
        // Bayes direction in raw units is u_j/scale_j (within-class covariance diag(scale²)); map rawWeights
        // back by the scales to compare with u. Angle noise ≈ sqrt(M−1)·sqrt(2/(n/2))/3 ≈ 0.04 rad → cos ≈ 0.999;
        // 0.99 allows ~3.5× that angle.
        double[] rw = res.model().rawWeights();
        for (int j = 0; j < m; j++) rw[j] *= scale[j];
        assertTrue(Hyperplane.cosine(rw, u) > 0.99, "cosine " + Hyperplane.cosine(rw, u));
        // Bayes accuracy Φ(1.5) = 0.9332; the CV estimate has binomial error sqrt(.933·.067/2000) = 0.0056,
        // and a finite-sample SVM loses < 0.005: 0.025 is > 4σ.
        assertEquals(0.9332, res.cvAccuracy(), 0.025);
        assertEquals(0.9332, res.trainAccuracy(), 0.025);
        // orientation: rearranging (label 1) is positive S on average
        double s1 = 0, s0 = 0;
        double[] z = new double[m];
        for (int i = 0; i < n; i++) { double s = res.model().softness(x[i], z); if (y[i] == 1) s1 += s; else s0 += s; }
        assertTrue(s1 > 0 && s0 < 0);
    }

    /**
     * Linearly separable planted data: Gaussian points with |u·x| ≥ 0.5 labelled by sign(u·x) (a
     * gap of 1 around the true plane). With n = 2000 the squared-hinge penalty (C = 1 per sample)
     * far outweighs the regulariser, so the fit separates the training set, and the normal lies within
     * the gap-limited cone around u: points exist on both gap edges in every direction, so a tilt by
     * angle θ misclassifies some once θ·(spread ≈ 3) > 0.5, i.e. cos θ ≥ cos(1/6) ≈ 0.986.
     */
    @Test
    void separableDataAreSeparatedAlongThePlantedNormal() {
        int m = 5, n = 2000;
        Random rnd = new Random(31);
        double[] u = {0.6, -0.48, 0.0, 0.64, 0.0};   // unit vector
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; ) {
            double[] p = new double[m];
            double d = 0;
            for (int j = 0; j < m; j++) { p[j] = rnd.nextGaussian(); d += u[j] * p[j]; }
            if (Math.abs(d) < 0.5) continue;
            x[i] = p; y[i++] = d > 0 ? 1 : 0;
        }
        var res = SoftnessTrainer.train(x, y, columns(m), SoftnessTrainer.Options.defaults(), Map.of());
        assertEquals(1.0, res.trainAccuracy());
        assertTrue(Hyperplane.cosine(res.model().rawWeights(), u) > 0.986, "cosine " + Hyperplane.cosine(res.model().rawWeights(), u));
        // training twice with the same seed gives the same model
        var again = SoftnessTrainer.train(x, y, columns(m), SoftnessTrainer.Options.defaults(), Map.of());
        assertEquals(res.model().plane(), again.model().plane());
        assertEquals(res.cvAccuracy(), again.cvAccuracy());
    }

    @Test
    void swappingLabelsNegatesThePlane() {
        Random rnd = new Random(3);
        double[][] x = new double[200][3];
        int[] y = new int[200], yn = new int[200];
        for (int i = 0; i < 200; i++) {
            y[i] = i < 100 ? 1 : 0; yn[i] = 1 - y[i];
            for (int j = 0; j < 3; j++) x[i][j] = rnd.nextGaussian() + (y[i] == 1 ? 1 : -1) * (j + 1) * 0.5;
        }
        // the first row's label decides liblinear's internal orientation; both must come out oriented to label 1
        Hyperplane a = LinearSvm.train(x, y, 1, LinearSvm.Solver.PRIMAL, 1e-10, 1);
        Hyperplane b = LinearSvm.train(x, yn, 1, LinearSvm.Solver.PRIMAL, 1e-10, 1);
        for (int j = 0; j < 3; j++) assertEquals(a.w()[j], -b.w()[j], 1e-7);   // solver tolerance 1e-10 on the gradient
        assertEquals(a.b(), -b.b(), 1e-7);
    }

    @Test
    void refusesOneClass() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LinearSvm.train(new double[][] {{1}, {2}}, new int[] {1, 1}, 1, LinearSvm.Solver.AUTO, 1e-4, 1));
        assertTrue(e.getMessage().contains("both labels"));
    }

    static List<Map<String, Object>> columns(int m) {
        List<Map<String, Object>> c = new ArrayList<>();
        for (int j = 0; j < m; j++) c.add(Map.of("name", "f" + j, "kind", "radial"));
        return c;
    }
}
