package org.softglass.core.trsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WindowedKickTest {

    /**
     * Windowed against full update on L = 10 (N = 1000) for the preset at T = 0.45, m = 4: the mean
     * change H(μ' − S) for equilibrium states S and the kick covariance K_Δ agree within a bound
     * proportional to the tolerance (the dropped pieces are below tol relative to their largest
     * element; measured: relative error 7e-4 at tol = 1e-2 and 3e-6 at tol = 1e-3, asserted ≤ tol).
     */
    @Test
    void windowedMatchesFullWithinTolerance() {
        TrspModel m = TrspModel.of(TrspPresets.ka002(), 0.45, 10, 4, 1.0);
        ClusterGaussian cg = new ClusterGaussian(m, ClusterShape.PLAQUETTE_XY);
        WindowedKick full = WindowedKick.full(cg);
        int n = m.lattice().sites();
        double[] s = new double[n], dFull = new double[n];
        int[] all = new int[n];
        full.columnSites(m.lattice(), 0, all);
        SplittableRandom rng = new SplittableRandom(3);
        for (double tol : new double[]{1e-2, 1e-3}) {
            WindowedKick win = WindowedKick.windowed(cg, tol);
            assertEquals(full.lambdaMax(), win.lambdaMax(), 20 * tol, "λ_max");
            int[] rows = new int[win.rowCount()], cols = new int[win.columnCount()];
            win.rowSites(m.lattice(), 0, rows);
            win.columnSites(m.lattice(), 0, cols);
            double[] dWin = new double[win.rowCount()];
            double err = 0, scale = 0;
            for (int trial = 0; trial < 5; trial++) {
                m.covariance().sample(m.mu(), rng, s);
                full.meanChange(s, all, dFull);
                win.meanChange(s, cols, dWin);
                double[] embedded = new double[n];
                for (int a = 0; a < rows.length; a++) embedded[rows[a]] = dWin[a];
                for (int i = 0; i < n; i++) {
                    err = Math.max(err, Math.abs(embedded[i] - dFull[i]));
                    scale = Math.max(scale, Math.abs(dFull[i]));
                }
            }
            double kdErr = 0, kd0 = full.kDelta(0, 0);
            for (int a = 0; a < rows.length; a++)
                for (int b = 0; b < rows.length; b++) kdErr = Math.max(kdErr, Math.abs(win.kDelta(a, b) - cg.kDelta(rows[a], rows[b])));
            System.out.printf("tol %.0e |W|=%d |W2|=%d mean-change error %.3e (rel %.3e) K_Δ error %.3e λmax %.6f/%.6f%n",
                    tol, win.rowCount(), win.columnCount(), err, err / scale, kdErr / kd0, win.lambdaMax(), full.lambdaMax());
            assertTrue(err <= tol * scale, "windowed mean change error " + err + " > tol × " + scale);
            // the kick variance dropped outside W is below (tol σ_Δ(0))² by construction
            boolean[] inW = new boolean[n];
            for (int r : rows) inW[r] = true;
            for (int i = 0; i < n; i++) if (!inW[i]) assertTrue(cg.kDelta(i, i) < tol * tol * kd0, "dropped K_Δ at " + i);
            // inside the window K_Δ is exact up to the float storage of its factor: |W| terms of relative 2⁻²⁴
            assertTrue(kdErr <= 1e-5 * kd0, "K_Δ inside the window must be exact up to float round-off: " + kdErr);
        }
    }
}
