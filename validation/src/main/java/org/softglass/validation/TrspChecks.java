package org.softglass.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.params.ModelParameters.Barriers;
import org.softglass.core.params.ModelParameters.ExpCorrelation;
import org.softglass.core.params.ModelParameters.Gaussian;
import org.softglass.core.params.ModelParameters.MeanSoftness;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.trsp.ClusterGaussian;
import org.softglass.core.trsp.ClusterShape;
import org.softglass.core.trsp.OverlapRecorder;
import org.softglass.core.trsp.OverlapStats;
import org.softglass.core.trsp.SoftnessRecorder;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspPresets;
import org.softglass.core.trsp.TrspSchedules;
import org.softglass.core.util.Grids;
import org.softglass.validation.Check.Comparison;

/** The TRSP lattice model (paper 002): its trap limit, detailed balance and the conditioned Gaussian K′, μ′. */
public final class TrspChecks {
    private TrspChecks() {}

    static final double TRAP_SIGMA2 = 0.8, TRAP_T = 0.5;

    /**
     * Parameters for the trap limit (σ² = 0.8; also used by the TRSP trap-aging validation test): uncorrelated K = σ²1 (C_S range 0), σ_Δ(0)² = σ² (full reset of
     * the rearranging site), δ = 0 (Σ0 = 8.7 ≫ T keeps the barriers' quadratic term negligible).
     */
    public static ModelParameters trapParameters() {
        return new ModelParameters(new Barriers(7.5, -0.9, 0.0, 8.7, 0.74), new Gaussian(-0.9, Math.sqrt(TRAP_SIGMA2)), 4.0,
                new MeanSoftness(1.5, -1.2), new ExpCorrelation(TRAP_SIGMA2, 0, 0.7), new ExpCorrelation(Math.sqrt(TRAP_SIGMA2), 0, 0.7),
                new ExpCorrelation(1, 0, 0.6), Map.of(), Map.of());
    }

    /** Q̄(t) = ∫ N(μ, σ²)(S) e^{−k(S)t} dS of the trap limit, trapezoid with 8001 points over ±10σ (error ≪ 1e-6). */
    static double trapQ(TrspModel m, double t) {
        double mu = m.mu(), sd = Math.sqrt(TRAP_SIGMA2), lo = mu - 10 * sd, h = 20 * sd / 8000, sum = 0;
        for (int k = 0; k <= 8000; k++) {
            double s = lo + k * h, p = Math.exp(-(s - mu) * (s - mu) / (2 * TRAP_SIGMA2)) / Math.sqrt(2 * Math.PI * TRAP_SIGMA2);
            double f = p * Math.exp(-Math.exp(m.observed().logRate(s)) / m.tauR() * t);
            sum += (k == 0 || k == 8000 ? 0.5 : 1) * f;
        }
        return sum * h;
    }

    /** Largest z-scores of the trap-limit run: Q, χ4 (in units of their allowed error) and ⟨S⟩. */
    record TrapLimit(double maxZq, double maxChiRatio, double zS, int lags, boolean siteKick) {}

    /**
     * Trap limit of the TRSP model: single-site clusters, uncorrelated K, a kick only on the
     * rearranging site with full reset (η(0) = 1, S′ ~ N(μ′, σ²) = P(S|R)), δ = 0. Sites are then
     * independent traps with equilibrium N(μ, σ²) and rate k(S) = A e^{γS}/τ_R, so
     * Q̄(t) = ∫ P_T(S) e^{−k(S)t} dS (000 eq 16), χ4 = Q̄ − Q̄² (000 eq 17 with m = 1) and ⟨S⟩ = μ.
     * L = 10, T = 0.5, 8 trajectories to t = 2·10⁵, 16 log-spaced lags 30 … 3·10⁴. Errors: Q from the
     * trajectory-to-trajectory spread (s.e. = sd/√8); χ4 by a bootstrap over trajectories (400
     * resamples) plus its 1/n_origins bias allowance (1 % of χ4); ⟨S⟩ from the trajectory spread.
     */
    static TrapLimit trapLimit(Context ctx) throws Exception {
        return ctx.memo("trsp.trap-limit", () -> {
            TrspModel m = TrspModel.of(trapParameters(), TRAP_T, 10, 1, 1.0);
            var kicks = TrspEnsemble.kicks(m, 1e-3);
            boolean siteKick = kicks.getFirst().rowCount() == 1;
            double[] lags = Grids.logSpaced(30, 30000, 16);
            int traj = 8;
            double tEnd = 200000;
            double[] snaps = TrspSchedules.uniform(0, tEnd, 200);
            var runs = TrspEnsemble.run(m, kicks, m.mu(), traj, 42 + ctx.seed(), tEnd, snaps, new TrspEnsemble.Recorders() {
                public OverlapRecorder overlap() { return new OverlapRecorder(m.lattice(), lags, 5000, 0, new int[0], 0); }
                public SoftnessRecorder softness() { return new SoftnessRecorder(m.lattice(), 0, -4, 2, 6); }
            }, Math.min(2, ctx.threads()), null);
            OverlapStats all = new OverlapStats(m.lattice().sites(), lags, 0, new int[0]);
            double[][] perQ = new double[traj][];
            double[] sMean = new double[traj];
            for (int k = 0; k < traj; k++) {
                all.merge(runs.get(k).overlap().stats());
                perQ[k] = runs.get(k).overlap().stats().meanQ();
                sMean[k] = runs.get(k).softness().meanS();
            }
            double[] q = all.meanQ(), chi = all.chi4();
            double[] chiSe = bootstrapChi4Se(runs.stream().map(r -> r.overlap().stats()).toList(), m.lattice().sites(), lags.length);
            double maxZq = 0, maxChi = 0;
            for (int li = 0; li < lags.length; li++) {
                double exact = trapQ(m, lags[li]);
                double[] col = new double[traj];
                for (int k = 0; k < traj; k++) col[k] = perQ[k][li];
                maxZq = Math.max(maxZq, Math.abs(q[li] - exact) / (Stats.std(col) / Math.sqrt(traj)));
                double chiExact = exact - exact * exact;
                maxChi = Math.max(maxChi, Math.abs(chi[li] - chiExact) / (4 * chiSe[li] + chiExact / 100));
            }
            double zS = (Stats.mean(sMean) - m.mu()) / (Stats.std(sMean) / Math.sqrt(traj));
            return new TrapLimit(maxZq, maxChi, zS, lags.length, siteKick);
        });
    }

    /** Bootstrap (over trajectories, 400 resamples, fixed seed) standard error of χ4 at each lag. */
    private static double[] bootstrapChi4Se(List<OverlapStats> per, int n, int lags) {
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
        for (int li = 0; li < lags; li++) se[li] = Descriptive.populationStdFromSums(b, sum[li], sum2[li]);   // spread of the b replicates, divisor b
        return se;
    }

    /**
     * Q(t) of the TRSP trap limit against the trap quadrature (see {@link #trapLimit}): the largest
     * |z| over 16 lags must stay below 4 (4σ; the s.e. comes from only 8 trajectories, and the lags
     * are strongly correlated, so this is a gross-error test). NaN (fail) if the kick is not
     * confined to the rearranging site, i.e. the setup is not the trap limit.
     */
    static Check trapLimitQ() {
        return new Check("trsp.trap-limit-q", "TRSP uncorrelated limit: Q(t) vs trap quadrature (000 eq 16), max |z| over 16 lags",
                false, Comparison.WITHIN, ctx -> {
                    TrapLimit t = trapLimit(ctx);
                    return new Measurement(0, t.siteKick() ? t.maxZq() : Double.NaN, 4, "L=10, T=0.5, 8 trajectories, kick on the site only: " + t.siteKick());
                });
    }

    /**
     * χ4(t) of the TRSP trap limit against Q̄ − Q̄² (000 eq 17, m = 1): the largest
     * |χ4 − χ4_trap| / (4 s.e._bootstrap + χ4_trap/100) over 16 lags must stay ≤ 1 (4σ of a bootstrap
     * over 8 trajectories, plus the 1/n_origins ≈ 1/270 bias of a variance estimate).
     */
    static Check trapLimitChi4() {
        return new Check("trsp.trap-limit-chi4", "TRSP uncorrelated limit: chi4(t) vs Q-Q^2 (000 eq 17), worst error / allowed",
                false, Comparison.WITHIN, ctx -> new Measurement(0, trapLimit(ctx).maxChiRatio(), 1, "allowed = 4 bootstrap s.e. + 1 % bias"));
    }

    /** ⟨S⟩ of the TRSP trap limit at equilibrium is μ: |z| ≤ 4 from the spread of 8 trajectories. */
    static Check trapLimitMeanS() {
        return new Check("trsp.trap-limit-mean-s", "TRSP uncorrelated limit: <S> vs mu, |z|",
                false, Comparison.WITHIN, ctx -> new Measurement(0, Math.abs(trapLimit(ctx).zS()), 4, "8 trajectories"));
    }

    /**
     * Detailed balance (002 App. F1, see {@link TrspDetailedBalance}) on the ka-002 preset at
     * T = 0.45, m = 1, L = 6, about 60 000 rearrangements: the χ² p-value must be at least 10⁻³,
     * so a correct model fails with probability 10⁻³ (the bootstrap over 10 trajectories
     * underestimates σ_r by about √(9/10), which this level absorbs at these pair counts). A kick
     * towards the wrong μ′ (T = 0.60 kicks at T = 0.45) gives p ≪ 10⁻³ (validation test
     * {@code TrspEquilibriumTest}).
     */
    static Check detailedBalance() {
        return new Check("trsp.detailed-balance", "TRSP ka-002 T=0.45 m=1: detailed balance chi2 p-value (App. F1)",
                false, Comparison.AT_LEAST, ctx -> {
                    TrspModel m = TrspModel.of(TrspPresets.ka002(), 0.45, 6, 1, 1.0);
                    TrspDetailedBalance.Outcome o = TrspDetailedBalance.run(m, TrspEnsemble.kicks(m, 0), 60000, 101 + ctx.seed());
                    // fewer than 3 populated pairs: nothing was really tested
                    double p = o.pairs() >= 3 ? o.pValue() : Double.NaN;
                    return new Measurement(1e-3, p, Double.NaN, String.format("chi2 = %.2f over %d bin pairs", o.chi2(), o.pairs()));
                });
    }

    /**
     * K′ and μ′ (002 eqs 24–26) against the weighted mean and covariance of 60 000 samples of N(μ, K)
     * weighted by the bare P0(R|S̄_R), for clusters of m = 1 and 4 on the ka-002 preset (T = 0.45,
     * L = 4) at 5 probe sites: a Monte-Carlo check independent of the Sherman–Morrison algebra.
     * Errors: a weighted mean has s.e. √(K′_kk/n_eff); a weighted covariance √((K′_kk K′_jj + K′_kj²)/n_eff),
     * n_eff = (Σw)²/Σw². Measured: the largest |z| over 2 × (5 means + 15 covariances); tolerance 5σ
     * (P(|z| &gt; 5) = 6·10⁻⁷ per comparison). NaN (fail) unless the conditioning is visible, i.e.
     * μ′ on the cluster differs from μ by more than 20 s.e.: otherwise the test could not tell K′ from K.
     */
    static Check conditioningMonteCarlo() {
        return new Check("trsp.conditioning-mc", "TRSP K' and mu' (002 eqs 24-26) vs weighted Monte Carlo, max |z|",
                false, Comparison.WITHIN, ctx -> {
                    double worst = 0;
                    boolean visible = true;
                    int compared = 0;
                    for (int msize : new int[] {1, 4}) {
                        TrspModel model = TrspModel.of(TrspPresets.ka002(), 0.45, 4, msize, 1.0);
                        ClusterShape shape = model.shapes().getFirst();
                        ClusterGaussian cg = new ClusterGaussian(model, shape);
                        int n = model.lattice().sites(), draws = 60000;
                        int[] cl = shape.sites(model.lattice(), 0);
                        int[] probe = {0, 1, model.lattice().index(1, 1, 0), model.lattice().index(2, 0, 0), model.lattice().index(0, 2, 2)};
                        double[] s = new double[n], w = new double[draws];
                        double[][] x = new double[draws][probe.length];
                        SplittableRandom rng = new SplittableRandom(11 + msize + ctx.seed());
                        for (int d = 0; d < draws; d++) {
                            model.covariance().sample(model.mu(), rng, s);
                            double bar = 0;
                            for (int r : cl) bar += s[r];
                            bar /= msize;
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
                            worst = Math.max(worst, Math.abs(mean - cg.muPrime(probe[k])) / Math.sqrt(cg.kPrime(probe[k], probe[k]) / nEff));
                            compared++;
                            for (int j = 0; j <= k; j++) {
                                double c = 0;
                                for (int d = 0; d < draws; d++) c += w[d] * (x[d][k] - cg.muPrime(probe[k])) * (x[d][j] - cg.muPrime(probe[j]));
                                c /= sw;
                                double kp = cg.kPrime(probe[k], probe[j]);
                                double seC = Math.sqrt((cg.kPrime(probe[k], probe[k]) * cg.kPrime(probe[j], probe[j]) + kp * kp) / nEff);
                                worst = Math.max(worst, Math.abs(c - kp) / seC);
                                compared++;
                            }
                        }
                        visible &= Math.abs(cg.muPrime(0) - model.mu()) > 20 * Math.sqrt(model.sigma2() / nEff);
                    }
                    return new Measurement(0, visible ? worst : Double.NaN, 5, compared + " comparisons, m = 1 and 4; conditioning visible: " + visible);
                });
    }
}
