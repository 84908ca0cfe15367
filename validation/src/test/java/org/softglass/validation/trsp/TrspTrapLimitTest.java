package org.softglass.validation.trsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.params.ModelParameters.Barriers;
import org.softglass.core.params.ModelParameters.ExpCorrelation;
import org.softglass.core.params.ModelParameters.Gaussian;
import org.softglass.core.params.ModelParameters.MeanSoftness;
import org.softglass.core.trsp.OverlapRecorder;
import org.softglass.core.trsp.OverlapStats;
import org.softglass.core.trsp.SoftnessRecorder;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspSchedules;

/**
 * Trap limit of the TRSP model (issue 7): single-site clusters, uncorrelated K = σ²1, a kick only on
 * the rearranging site with full reset (σ_Δ(0)² = K'_00 = σ², so η(0) = 1 and S' ~ N(μ', σ²) =
 * P(S|R)), δ = 0. Sites are then independent traps with equilibrium P_T(S) = N(μ, σ²) and rate
 * k(S) = A e^{γS}/τ_R, so Q̄(t) = ∫ P_T(S) e^{−k(S)t} dS (000 eq 16), χ4 = Q̄ − Q̄² (000 eq 17 with
 * m = 1) and ⟨S⟩ = μ. The quadrature is done here directly (trapezoid, 8001 points over ±10σ:
 * error far below 1e-6).
 */
class TrspTrapLimitTest {
    private static final double SIGMA2 = 0.8, T = 0.5;

    static ModelParameters trapParameters() {
        return new ModelParameters(new Barriers(7.5, -0.9, 0.0, 8.7, 0.74), new Gaussian(-0.9, Math.sqrt(SIGMA2)), 4.0,
                new MeanSoftness(1.5, -1.2), new ExpCorrelation(SIGMA2, 0, 0.7), new ExpCorrelation(Math.sqrt(SIGMA2), 0, 0.7),
                new ExpCorrelation(1, 0, 0.6), Map.of(), Map.of());
    }

    static double qBar(TrspModel m, double t) {
        double mu = m.mu(), sd = Math.sqrt(SIGMA2), lo = mu - 10 * sd, h = 20 * sd / 8000, sum = 0;
        for (int k = 0; k <= 8000; k++) {
            double s = lo + k * h, p = Math.exp(-(s - mu) * (s - mu) / (2 * SIGMA2)) / Math.sqrt(2 * Math.PI * SIGMA2);
            double f = p * Math.exp(-Math.exp(m.observed().logRate(s)) / m.tauR() * t);
            sum += (k == 0 || k == 8000 ? 0.5 : 1) * f;
        }
        return sum * h;
    }

    @Test
    void qChi4AndMeanSoftnessMatchTheTrapQuadrature() {
        TrspModel m = TrspModel.of(trapParameters(), T, 10, 1, 1.0);
        var kicks = TrspEnsemble.kicks(m, 1e-3);
        assertTrue(kicks.getFirst().rowCount() == 1, "the kick must act on the rearranging site only");
        double[] lags = org.softglass.core.util.Grids.logSpaced(30, 30000, 16);
        int trajectories = 8;
        double tEnd = 200000;
        double[] snaps = TrspSchedules.uniform(0, tEnd, 200);
        var runs = TrspEnsemble.run(m, kicks, m.mu(), trajectories, 42, tEnd, snaps, new TrspEnsemble.Recorders() {
            public OverlapRecorder overlap() { return new OverlapRecorder(m.lattice(), lags, 5000, 0, new int[0], 0); }
            public SoftnessRecorder softness() { return new SoftnessRecorder(m.lattice(), 0, -4, 2, 6); }
        }, 2, null);
        OverlapStats all = new OverlapStats(m.lattice().sites(), lags, 0, new int[0]);
        double[][] perQ = new double[trajectories][];
        double[] sMean = new double[trajectories];
        for (int k = 0; k < trajectories; k++) {
            all.merge(runs.get(k).overlap().stats());
            perQ[k] = runs.get(k).overlap().stats().meanQ();
            sMean[k] = runs.get(k).softness().meanS();
        }
        double[] q = all.meanQ(), chi = all.chi4();
        double[] chiSe = bootstrapChi4Se(runs.stream().map(r -> r.overlap().stats()).toList(), m.lattice().sites(), lags.length);
        for (int li = 0; li < lags.length; li++) {
            double exact = qBar(m, lags[li]);
            double se = spread(perQ, li) / Math.sqrt(trajectories);
            // 4σ from the trajectory-to-trajectory spread (8 independent trajectories)
            assertTrue(Math.abs(q[li] - exact) < 4 * se, String.format("Q(%.0f) = %.4f vs trap %.4f ± %.4f", lags[li], q[li], exact, se));
            double chiExact = exact - exact * exact;
            // 4σ of a bootstrap over trajectories, plus the 1/n_origins bias of a variance estimate (≈ 1/270)
            assertTrue(Math.abs(chi[li] - chiExact) < 4 * chiSe[li] + chiExact / 100,
                    String.format("χ4(%.0f) = %.4f vs trap %.4f ± %.4f", lags[li], chi[li], chiExact, chiSe[li]));
        }
        double sAvg = 0;
        for (double v : sMean) sAvg += v / trajectories;
        double sSe = spread(new double[][]{sMean}, -1) / Math.sqrt(trajectories);
        assertTrue(Math.abs(sAvg - m.mu()) < 4 * sSe, "⟨S⟩ = " + sAvg + " vs μ = " + m.mu() + " ± " + sSe);
    }

    private static double spread(double[][] rows, int col) {
        double[] v;
        if (col < 0) v = rows[0];
        else {
            v = new double[rows.length];
            for (int k = 0; k < rows.length; k++) v[k] = rows[k][col];
        }
        double mean = 0, s = 0;
        for (double x : v) mean += x / v.length;
        for (double x : v) s += (x - mean) * (x - mean);
        return Math.sqrt(s / (v.length - 1));
    }

    static double[] bootstrapChi4Se(List<OverlapStats> per, int n, int lags) {
        SplittableRandom rng = new SplittableRandom(5);
        int b = 400;
        double[] sum = new double[lags], sum2 = new double[lags];
        for (int r = 0; r < b; r++) {
            List<double[]> series = new ArrayList<>();
            for (int k = 0; k < per.size(); k++) {
                OverlapStats s = per.get(rng.nextInt(per.size()));
                for (int o = 0; o < s.origins(); o++) series.add(s.originQ(o));
            }
            double[] c = OverlapStats.chi4(series, n);
            for (int li = 0; li < lags; li++) { sum[li] += c[li]; sum2[li] += c[li] * c[li]; }
        }
        double[] se = new double[lags];
        for (int li = 0; li < lags; li++) se[li] = Math.sqrt(Math.max(0, sum2[li] / b - Math.pow(sum[li] / b, 2)));
        return se;
    }
}
