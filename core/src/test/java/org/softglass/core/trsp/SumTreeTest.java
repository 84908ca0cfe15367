package org.softglass.core.trsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SumTreeTest {
    @Test
    void batchAndSingleUpdatesGiveExactSumsAndSelection() {
        int n = 1000;
        SumTree t = new SumTree(n);
        double[] r = new double[n];
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < n; i++) r[i] = rng.nextDouble();
        t.setAll(r);
        for (int rep = 0; rep < 200; rep++) {
            int c = 1 + rng.nextInt(40);
            int[] idx = new int[c];
            double[] v = new double[c];
            for (int k = 0; k < c; k++) { idx[k] = rng.nextInt(n); v[k] = rng.nextDouble(); }
            if (rep % 2 == 0) t.setBatch(idx.clone(), v, c);
            else for (int k = 0; k < c; k++) t.set(idx[k], v[k]);
            for (int k = 0; k < c; k++) r[idx[k]] = v[k]; // a repeated index: the last value wins in both paths
        }
        SumTree fresh = new SumTree(n);
        fresh.setAll(r);
        assertEquals(fresh.total(), t.total(), 1e-12); // the same additions in a different order: round-off only
        double cum = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(r[i], t.get(i));
            assertEquals(i, t.find(cum + 0.5 * r[i]), "leaf " + i);
            cum += r[i];
        }
    }
}
