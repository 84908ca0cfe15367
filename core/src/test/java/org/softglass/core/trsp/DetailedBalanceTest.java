package org.softglass.core.trsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softglass.core.params.ModelParameters.ExpCorrelation;
import org.softglass.nativebridge.DenseArrays;
import org.softglass.nativebridge.Transpose;

class DetailedBalanceTest {

    /** Eq 18: with C = σ²δ and ρ = δ, H is diagonal and K_Δ,ii = K'_ii η_i (2 − η_i) with η_i = H_ii. */
    @Test
    void uncorrelatedLimitIsDiagonalWithEq18() {
        TrspModel m = TrspModel.of(TrspTestModels.uncorrelated(0.9, 0.8, 0.6, 0.02), 0.45, 5, 1, 1.0);
        ClusterGaussian cg = new ClusterGaussian(m, ClusterShape.SITE);
        int n = m.lattice().sites();
        double[] h = DetailedBalance.fromKPrime(n, cg.kPrimeDense(), cg.kDeltaDense()).matrix();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) if (i != j) assertEquals(0, h[i + j * n], 1e-13, "off-diagonal H");
            double eta = h[i + i * n], kp = cg.kPrime(i, i);
            // round-off of the dense pipeline (dpotrf, dtrsm, dsyevr, dgemm) on O(1) entries, n = 125
            assertEquals(cg.kDelta(i, i), kp * eta * (2 - eta), 1e-12, "eq 18 at site " + i);
            if (i != 0) assertEquals(0.9, kp, 1e-15); // off the cluster K'_ii = σ²
        }
        // the rearranging site: K'_00 = σ²/(1 + 2δσ²) and η(0) from eq 18 in closed form
        double kp0 = 0.9 / (1 + 2 * m.bare().delta() * 0.9), sd2 = 0.8 * 0.8;
        assertEquals(1 - Math.sqrt(1 - sd2 / kp0), h[0], 1e-12);
    }

    /** Eq 17 and eq 19 for correlated K and K_Δ (the preset, m = 4): K_Δ = (2 − H)HK' and (1 − H)² = 1 − K_ΔK'⁻¹. */
    @Test
    void correlatedSolutionSatisfiesEq17() {
        TrspModel m = TrspModel.of(TrspPresets.ka002(), 0.45, 6, 4, 1.0);
        ClusterGaussian cg = new ClusterGaussian(m, ClusterShape.PLAQUETTE_XZ);
        int n = m.lattice().sites();
        double[] kp = cg.kPrimeDense(), kd = cg.kDeltaDense();
        DetailedBalance.Result r = DetailedBalance.fromKPrime(n, kp, kd);
        assertTrue(r.lambdaMax() < 1 && r.lambdaMin() > -1e-12, "λ range " + r.lambdaMin() + " " + r.lambdaMax());
        double[] h = r.matrix();
        double[] twoMinusH = new double[n * n];
        for (int k = 0; k < n * n; k++) twoMinusH[k] = -h[k];
        for (int i = 0; i < n; i++) twoMinusH[i + i * n] += 2;
        double[] hk = new double[n * n], lhs = new double[n * n];
        DenseArrays.dgemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, n, n, n, 1, h, n, kp, n, 0, hk, n);
        DenseArrays.dgemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, n, n, n, 1, twoMinusH, n, hk, n, 0, lhs, n);
        double err = 0, scale = 0;
        for (int k = 0; k < n * n; k++) { err = Math.max(err, Math.abs(lhs[k] - kd[k])); scale = Math.max(scale, Math.abs(kd[k])); }
        // round-off: condition number of K' (λ_max/λ_min of K ≈ 26) × n × ε ≈ 1e-12
        assertTrue(err < 1e-10 * scale, "‖(2−H)HK' − K_Δ‖_max = " + err);
        // H → 0 far from the cluster: rows of sites with r̃ ≥ 3 are tiny compared with the cluster rows
        double near = 0, far = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                if (cg.rTilde(i) == 0) near = Math.max(near, Math.abs(h[i + j * n]));
                if (cg.rTilde(i) >= 3) far = Math.max(far, Math.abs(h[i + j * n]));
            }
        assertTrue(far < 0.05 * near, "H rows far from the cluster: " + far + " vs near " + near);
    }

    @Test
    void tooLargeKickNamesLambdaMax() {
        var p = TrspTestModels.with(new ExpCorrelation(1, 1.2, 0.7), new ExpCorrelation(1.3, 0.9, 0.8), new ExpCorrelation(1, 0.6, 0.6));
        TrspModel m = TrspModel.of(p, 0.45, 4, 1, 1.0);
        ClusterGaussian cg = new ClusterGaussian(m, ClusterShape.SITE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DetailedBalance.fromKPrime(64, cg.kPrimeDense(), cg.kDeltaDense()));
        assertTrue(e.getMessage().contains("λ_max") && e.getMessage().contains("sigmaDelta"), e.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> WindowedKick.windowed(cg, 1e-3));
        assertTrue(w.getMessage().contains("λ_max"), w.getMessage());
        // weakening facilitation (f = 0.3) brings it back inside the bound
        TrspModel weak = TrspModel.of(p, 0.45, 4, 1, 0.3);
        assertTrue(WindowedKick.windowed(new ClusterGaussian(weak, ClusterShape.SITE), 1e-3).lambdaMax() < 1);
    }

    @Test
    void nonPositiveDefiniteCovarianceNamesParameters() {
        var p = TrspTestModels.with(new ExpCorrelation(1, 3.0, 1.5), new ExpCorrelation(0.7, 0.8, 0.7), new ExpCorrelation(1, 0.6, 0.6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrspModel.of(p, 0.45, 8, 4, 1.0));
        assertTrue(e.getMessage().contains("cS (c0=1.0, c1=3.0, xi=1.5)") && e.getMessage().contains("min FFT eigenvalue"), e.getMessage());
        var q = TrspTestModels.with(new ExpCorrelation(1, 1.2, 0.7), new ExpCorrelation(0.7, 0.8, 0.7), new ExpCorrelation(1, 2.0, 1.5));
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> TrspModel.of(q, 0.45, 8, 4, 1.0));
        assertTrue(f.getMessage().contains("rhoDelta"), f.getMessage());
    }
}
