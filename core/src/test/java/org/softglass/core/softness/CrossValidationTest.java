package org.softglass.core.softness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.fluidity.BiasScan;

/** Cross-validated accuracy as a function of the bias (003 Fig. 1) from the out-of-fold decision values. */
class CrossValidationTest {

    /**
     * Separable data with a gap: label 1 has x₁ uniform in [0.6, 2] (600 rows), label 0 x₁ uniform in [−2, 0.4]
     * (1400 rows), x₂ is noise. A threshold separates every held-out fold perfectly only inside the gap, so the CV
     * accuracy must peak at exactly 1; at zero bias (the hyperplane through the standardised mean, x₁ ≈ −0.17) about
     * 330 label-0 rows are misclassified (accuracy ≈ 0.83), so the peak is at a bias away from 0. The out-of-fold
     * values at each fold's own bias must reproduce {@link CrossValidation#accuracy} exactly (same folds and models).
     */
    @Test
    void cvAccuracyPeaksAtTheSeparatingBias() {
        int n1 = 600, n0 = 1400, n = n1 + n0;
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10 < 3 ? 1 : 0;   // 600 ones, interleaved
            double x1 = y[i] == 1 ? 0.6 + 1.4 * rnd.nextDouble() : -2 + 2.4 * rnd.nextDouble();
            x[i] = new double[] {x1, rnd.nextDouble()};
        }
        assertEquals(n1, java.util.Arrays.stream(y).sum());
        CrossValidation.OutOfFold oof = CrossValidation.outOfFold(x, y, 5, 10.0, LinearSvm.Solver.PRIMAL, 1e-6, 1);
        BiasScan scan = BiasScan.scan(oof.decisions(), y);
        assertEquals(1.0, scan.bestAccuracy(), 0.0, "a threshold in the gap separates every fold");
        assertTrue(BiasScan.accuracy(oof.decisions(), y, 0.0) < 0.9, "zero bias cuts at the mean, inside label 0");
        assertTrue(Math.abs(scan.best()) > 0.1, "the peak is away from zero bias: " + scan.best());
        // accuracy falls off on both sides of the peak: half a standard deviation of d (about 0.55 in x₁) away,
        // some 260 (left) or 190 (right) rows are on the wrong side
        double sd = org.softglass.core.stats.Descriptive.std(oof.decisions(), org.softglass.core.stats.Descriptive.Divisor.POPULATION);
        assertTrue(BiasScan.accuracy(oof.decisions(), y, scan.best() - 0.5 * sd) < 0.95);
        assertTrue(BiasScan.accuracy(oof.decisions(), y, scan.best() + 0.5 * sd) < 0.95);
        // each fold model's own bias: prediction d > −b_f, the count CrossValidation.accuracy makes
        long correct = 0;
        for (int i = 0; i < n; i++) if ((oof.decisions()[i] > -oof.bias()[oof.fold()[i]] ? 1 : 0) == y[i]) correct++;
        assertEquals(CrossValidation.accuracy(x, y, 5, 10.0, LinearSvm.Solver.PRIMAL, 1e-6, 1), (double) correct / n, 1e-12);
    }
}
