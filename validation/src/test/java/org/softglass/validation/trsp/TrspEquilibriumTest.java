package org.softglass.validation.trsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.validation.Checked;
import org.softglass.core.trsp.SoftnessRecorder;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspPresets;
import org.softglass.validation.TrspDetailedBalance;
import org.softglass.validation.TrspDetailedBalance.Outcome;

/**
 * Equilibrium checks of 002 App. F on the ka-002 preset (L = 6, full update, 10 independent
 * trajectories from N(μ, K), run by {@link TrspDetailedBalance}, whose T = 0.45, m = 1 case is also
 * the catalogue check {@code trsp.detailed-balance}) at T = 0.45 and 0.60, m = 1 and 4:
 * <ul>
 *   <li>detailed balance on the binned S of rearranging sites: n(A→B) = n(B→A), tested by a χ² over
 *       bin pairs of ((r − 1)/σ_r)², r = n(A→B)/n(B→A), σ_r by bootstrap over trajectories (App. F1);</li>
 *   <li>stationarity: the time-averaged ⟨S⟩ and ⟨S_i S_j⟩ − μ² = C_S(r) at their targets (App. F2);</li>
 *   <li>the measured per-site rate in each S bin equals the observed A e^{γS − δS²}/τ_R averaged over
 *       the bin with the equilibrium weight N(μ, σ²), i.e. the renormalisation of eqs 20–22 works.</li>
 * </ul>
 * A negative control runs the T = 0.45 model with the kicks of T = 0.60 (wrong μ' target): the
 * detailed-balance statistic must then fail, so the test can detect a broken kick.
 */
public class TrspEquilibriumTest {
    private static final int L = 6;
    /** The catalogue checks this class runs. */
    public static final List<String> CHECKS = List.of("trsp.detailed-balance");

    /** The catalogue check: T = 0.45, m = 1 (the same run as the first case below; ≈ 1 s). */
    @Test
    void catalogueDetailedBalance(@TempDir Path dir) throws Exception {
        Checked.assertPasses(Checked.context(dir), "trsp.detailed-balance");
    }

    /** χ² limit at the 99.9 % quantile: a correct model fails with probability 1e-3 (see {@code TrspChecks.detailedBalance}). */
    private static boolean balanced(Outcome o) { return o.pValue() >= 1e-3; }

    @Test
    void detailedBalanceStationarityAndRates() {
        for (double t : new double[]{0.45, 0.60})
            for (int msize : new int[]{1, 4}) {
                TrspModel m = TrspModel.of(TrspPresets.ka002(), t, L, msize, 1.0);
                Outcome o = TrspDetailedBalance.run(m, TrspEnsemble.kicks(m, 0), msize == 1 ? 60000 : 30000, 100 + msize);
                String tag = "T=" + t + " m=" + msize + ": ";
                assertTrue(o.pairs() >= 3, tag + "too few populated bin pairs: " + o.pairs());
                assertTrue(balanced(o), tag + "detailed balance χ² = " + o.chi2() + " over " + o.pairs() + " pairs, p = " + o.pValue());
                checkStationarity(m, o, tag);
                checkRates(m, o, tag);
            }
    }

    @Test
    void brokenKickFailsDetailedBalance() {
        TrspModel m = TrspModel.of(TrspPresets.ka002(), 0.45, L, 1, 1.0);
        TrspModel wrong = TrspModel.of(TrspPresets.ka002(), 0.60, L, 1, 1.0);
        Outcome o = TrspDetailedBalance.run(m, TrspEnsemble.kicks(wrong, 0), 60000, 300);
        assertTrue(!balanced(o), "a kick restoring towards μ'(T=0.60) at T=0.45 must break detailed balance: χ² = " + o.chi2() + ", p = " + o.pValue());
    }

    private static void checkStationarity(TrspModel m, Outcome o, String tag) {
        int n = o.runs().size();
        double[] means = new double[n];
        double[][] c = new double[n][];
        for (int k = 0; k < n; k++) {
            SoftnessRecorder s = o.runs().get(k).softness();
            means[k] = s.meanS();
            c[k] = s.secondMoment();
        }
        double[] mu = stats(means);
        // 4σ from the spread of 10 independent trajectories
        assertTrue(Math.abs(mu[0] - m.mu()) < 4 * mu[1], tag + "⟨S⟩ = " + mu[0] + " ± " + mu[1] + " vs " + m.mu());
        double[] r = o.runs().getFirst().softness().distances();
        for (int j = 0; j < r.length; j++) {
            double[] v = new double[n];
            for (int k = 0; k < n; k++) v[k] = c[k][j] - m.mu() * m.mu();
            double[] st = stats(v);
            double target = m.cS().at(r[j]);
            assertTrue(Math.abs(st[0] - target) < 4 * st[1], tag + "C_S(" + r[j] + ") = " + st[0] + " ± " + st[1] + " vs " + target);
        }
    }

    private static void checkRates(TrspModel m, Outcome o, String tag) {
        SoftnessRecorder first = o.runs().getFirst().softness();
        int checked = 0;
        for (int b = 0; b < first.bins(); b++) {
            double[] rate = new double[o.runs().size()];
            long events = 0;
            for (int k = 0; k < rate.length; k++) {
                SoftnessRecorder s = o.runs().get(k).softness();
                double siteTime = o.tEnd() * s.occupancy()[b] / s.snapshots();
                rate[k] = s.rearrangements()[b] / siteTime;
                events += s.rearrangements()[b];
            }
            if (events < 2000 || b == 0 || b == first.bins() - 1) continue; // end bins are open-ended (clamped)
            double[] st = stats(rate);
            double lo = first.binCentre(b) - 0.5, hi = first.binCentre(b) + 0.5, num = 0, den = 0;
            for (int q = 0; q <= 2000; q++) {
                double sv = lo + q * (hi - lo) / 2000, w = Math.exp(-(sv - m.mu()) * (sv - m.mu()) / (2 * m.sigma2()));
                num += w * Math.exp(m.observed().logRate(sv)) / m.tauR();
                den += w;
            }
            double expected = num / den;
            // 4σ from the trajectory spread of the measured rate
            assertTrue(Math.abs(st[0] - expected) < 4 * st[1], tag + "P(R|S) in bin " + b + ": " + st[0] + " ± " + st[1] + " vs " + expected);
            checked++;
        }
        assertTrue(checked >= 2, tag + "too few populated rate bins");
    }

    private static double[] stats(double[] v) {
        double mean = 0, s = 0;
        for (double x : v) mean += x / v.length;
        for (double x : v) s += (x - mean) * (x - mean);
        return new double[]{mean, Math.sqrt(s / (v.length - 1) / v.length)};
    }
}
