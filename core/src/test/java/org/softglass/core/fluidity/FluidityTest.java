package org.softglass.core.fluidity;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softglass.core.softness.Hyperplane;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.softness.Standardization;

class FluidityTest {

    @Test
    void biasScanFindsTheBestThresholdByBruteForce() {
        Random rnd = new Random(8);
        int n = 3000;
        double[] d = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
            d[i] = (y[i] == 1 ? 2.0 : 0.5) + rnd.nextGaussian();   // shifted classes: best b ≠ 0
            if (i % 50 == 0) d[i] = Math.round(d[i]);                                  // some ties
        }
        BiasScan s = BiasScan.scan(d, y);
        assertEquals(BiasScan.accuracy(d, y, s.best()), s.bestAccuracy(), 1e-15);
        // no threshold on a fine grid does better (independent brute force)
        for (double b = -4; b <= 6; b += 0.001) assertTrue(BiasScan.accuracy(d, y, b) <= s.bestAccuracy() + 1e-15, "b = " + b);
        for (int i = 0; i < s.thresholds().length; i += 97) assertEquals(BiasScan.accuracy(d, y, s.thresholds()[i]), s.accuracy()[i], 1e-15);
        // Bayes threshold for N(2,1) with prior .3 vs N(0.5,1) with .7: b* = 1.25 + ln(.7/.3)/1.5 = 1.815;
        // the empirical optimum of 3000 samples lies within ~0.3 of it (accuracy is flat there)
        assertEquals(1.815, s.best(), 0.3);
    }

    @Test
    void xAlphaAndProjection() {
        double[] x = Fluidity.x(new double[] {1, 3}, 1, 2);
        assertArrayEquals(new double[] {0, 1}, x, 0);
        List<Map<String, Object>> cols = List.of(Map.of("name", "a"), Map.of("name", "b"));
        SoftnessModel m1 = new SoftnessModel(new Hyperplane(new double[] {1, 0}, 0), new Standardization(new double[2], new double[] {1, 1}), cols, Map.of());
        SoftnessModel m2 = new SoftnessModel(new Hyperplane(new double[] {2, 2}, 5), new Standardization(new double[2], new double[] {2, 1}), cols, Map.of());
        // m2 in raw units: (1, 2); with refStd (1,1): cos((1,0),(1,2)) = 1/√5
        assertEquals(1 / Math.sqrt(5), Fluidity.projection(m1, m2, new double[] {1, 1}), 1e-15);
        assertEquals(1.0, Fluidity.projection(m2, m2, new double[] {3, 0.5}), 1e-15);
        SoftnessModel other = new SoftnessModel(new Hyperplane(new double[] {1, 0}, 0), new Standardization(new double[2], new double[] {1, 1}),
                List.of(Map.of("name", "a"), Map.of("name", "c")), Map.of());
        assertThrows(IllegalArgumentException.class, () -> Fluidity.projection(m1, other, new double[] {1, 1}));
    }
}
