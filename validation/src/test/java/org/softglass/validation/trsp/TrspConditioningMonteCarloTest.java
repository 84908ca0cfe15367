package org.softglass.validation.trsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.trsp.ClusterGaussian;
import org.softglass.core.trsp.ClusterShape;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspPresets;

/**
 * K' and μ' (002 eqs 24–26) against the weighted mean and covariance of samples of N(μ, K) weighted
 * by the bare P0(R|S̄_R): a Monte-Carlo check independent of the Sherman–Morrison algebra.
 */
class TrspConditioningMonteCarloTest {

    @Test
    void weightedSamplesReproduceKPrimeAndMuPrime() {
        for (int m : new int[]{1, 4}) {
            TrspModel model = TrspModel.of(TrspPresets.ka002(), 0.45, 4, m, 1.0);
            ClusterShape shape = model.shapes().getFirst();
            ClusterGaussian cg = new ClusterGaussian(model, shape);
            int n = model.lattice().sites(), draws = 60000;
            int[] cl = shape.sites(model.lattice(), 0);
            int[] probe = {0, 1, model.lattice().index(1, 1, 0), model.lattice().index(2, 0, 0), model.lattice().index(0, 2, 2)};
            double[] s = new double[n];
            double[] w = new double[draws];
            double[][] x = new double[draws][probe.length];
            SplittableRandom rng = new SplittableRandom(11 + m);
            for (int d = 0; d < draws; d++) {
                model.covariance().sample(model.mu(), rng, s);
                double bar = 0;
                for (int r : cl) bar += s[r];
                bar /= m;
                w[d] = Math.exp(model.bare().gamma() * bar - model.bare().delta() * bar * bar);
                for (int k = 0; k < probe.length; k++) x[d][k] = s[probe[k]];
            }
            double sw = 0, sw2 = 0;
            for (double v : w) { sw += v; sw2 += v * v; }
            double nEff = sw * sw / sw2;
            for (int k = 0; k < probe.length; k++) {
                double mean = 0;
                for (int d = 0; d < draws; d++) mean += w[d] * x[d][k];
                mean /= sw;
                double mu = cg.muPrime(probe[k]), var = cg.kPrime(probe[k], probe[k]);
                // standard error of a weighted mean ≈ sqrt(var / n_eff); 5σ over 10 checked means
                double se = Math.sqrt(var / nEff);
                assertTrue(Math.abs(mean - mu) < 5 * se, "m=" + m + " μ' at " + probe[k] + ": MC " + mean + " vs " + mu + " ± " + se);
                for (int j = 0; j <= k; j++) {
                    double c = 0;
                    for (int d = 0; d < draws; d++) c += w[d] * (x[d][k] - cg.muPrime(probe[k])) * (x[d][j] - cg.muPrime(probe[j]));
                    c /= sw;
                    double kp = cg.kPrime(probe[k], probe[j]);
                    // Var of a product of Gaussians (K'_kk K'_jj + K'_kj²) over n_eff samples; 5σ
                    double seC = Math.sqrt((cg.kPrime(probe[k], probe[k]) * cg.kPrime(probe[j], probe[j]) + kp * kp) / nEff);
                    assertTrue(Math.abs(c - kp) < 5 * seC, "m=" + m + " K'(" + probe[k] + "," + probe[j] + "): MC " + c + " vs " + kp + " ± " + seC);
                }
            }
            // the conditioning is visible: μ' on the cluster differs from μ by many standard errors
            assertTrue(Math.abs(cg.muPrime(0) - model.mu()) > 20 * Math.sqrt(model.sigma2() / nEff));
        }
    }
}
