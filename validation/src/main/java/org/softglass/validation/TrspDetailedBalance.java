package org.softglass.validation;

import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.softglass.core.stats.Descriptive;
import org.softglass.core.trsp.OverlapRecorder;
import org.softglass.core.trsp.SoftnessRecorder;
import org.softglass.core.trsp.TrspDynamics;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspSchedules;
import org.softglass.core.trsp.WindowedKick;

/**
 * Detailed balance of the TRSP dynamics (paper 002 App. F1) on the binned softness of rearranging
 * sites: in equilibrium n(A→B) = n(B→A) for every pair of S bins. Ten independent trajectories from
 * N(μ, K) are run (each 400 softness snapshots, 5 bins of width 1 over [−3.5, 1.5]); for every bin
 * pair with at least 100 transitions each way, r = n(A→B)/n(B→A) and its standard deviation σ_r by
 * a bootstrap over trajectories (500 resamples) give a term ((r − 1)/σ_r)² of a χ² with as many
 * degrees of freedom as pairs.
 */
public final class TrspDetailedBalance {
    private TrspDetailedBalance() {}

    /** Trajectories run per test. */
    public static final int TRAJECTORIES = 10;

    /**
     * @param chi2    the statistic Σ((r − 1)/σ_r)²
     * @param pValue  P(χ²_pairs ≥ chi2) (NaN with no populated pair)
     * @param pairs   bin pairs with ≥ 100 transitions each way
     * @param runs    the trajectories (softness recorders filled), for further checks
     * @param tEnd    the simulated time of each trajectory
     */
    public record Outcome(double chi2, double pValue, int pairs, List<TrspEnsemble.Trajectory> runs, double tEnd) {}

    /**
     * Runs {@link #TRAJECTORIES} trajectories of {@code m} with the given kicks (2 worker threads),
     * long enough for about {@code events} rearrangements in all, and computes the χ² statistic.
     * The same (model, kicks, events, seed) give the same outcome.
     */
    public static Outcome run(TrspModel m, List<WindowedKick> kicks, long events, long seed) {
        double[] s = new double[m.lattice().sites()];
        m.covariance().sample(m.mu(), new SplittableRandom(1), s);
        double total = new TrspDynamics(m, kicks, s, 1).totalRate();
        double tEnd = events / (TRAJECTORIES * total);
        double[] snaps = TrspSchedules.uniform(0, tEnd, 400);
        var runs = TrspEnsemble.run(m, kicks, m.mu(), TRAJECTORIES, seed, tEnd, snaps, new TrspEnsemble.Recorders() {
            public OverlapRecorder overlap() { return null; }
            public SoftnessRecorder softness() { return new SoftnessRecorder(m.lattice(), 2, -3.5, 1.5, 5); }
        }, 2, null);
        int bins = 5;
        long[][][] per = new long[TRAJECTORIES][][];
        for (int k = 0; k < TRAJECTORIES; k++) per[k] = runs.get(k).softness().transitions();
        double chi2 = 0;
        int pairs = 0;
        SplittableRandom rng = new SplittableRandom(9);
        for (int a = 0; a < bins; a++)
            for (int b = a + 1; b < bins; b++) {
                long nab = 0, nba = 0;
                for (long[][] t : per) { nab += t[a][b]; nba += t[b][a]; }
                if (nab < 100 || nba < 100) continue;
                double r = (double) nab / nba, s1 = 0, s2 = 0;
                int boots = 500;
                for (int q = 0; q < boots; q++) {
                    long x = 0, y = 0;
                    for (int k = 0; k < TRAJECTORIES; k++) { long[][] t = per[rng.nextInt(TRAJECTORIES)]; x += t[a][b]; y += t[b][a]; }
                    double rb = (double) x / Math.max(1, y);
                    s1 += rb; s2 += rb * rb;
                }
                double sd = Math.max(1e-6, Descriptive.populationStdFromSums(boots, s1, s2));   // bootstrap spread (divisor boots), floored
                chi2 += (r - 1) * (r - 1) / (sd * sd);
                pairs++;
            }
        double p = pairs == 0 ? Double.NaN : 1 - new ChiSquaredDistribution(pairs).cumulativeProbability(chi2);
        return new Outcome(chi2, p, pairs, runs, tEnd);
    }
}
