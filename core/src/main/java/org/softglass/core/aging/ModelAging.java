package org.softglass.core.aging;

import java.util.Arrays;
import java.util.List;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trap.AgingSolver;
import org.softglass.core.trap.TrapModel;
import org.softglass.core.trsp.SoftnessRecorder;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.WindowedKick;

/**
 * The models' ⟨S⟩(t) after the quench T_I → T_F, on raw model times, for {@link AgingTable}.
 *
 * <ul>
 *   <li>Trap-like model ({@code 000} eq 5, Fig. 5d; {@code 002} Fig. 8b): the master equation
 *   dP/dt = −k(S,T_F) P + (∫ k P dS) ϱ(S) from equilibrium at T_I, solved by {@link AgingSolver} on
 *   {@code bins} S bins with {@value #TRAP_PER_DECADE} outputs per decade and {@value #TRAP_STEPS_PER_OUTPUT}
 *   steps per output (error in ⟨S⟩ ≲ 1e-6, see {@code AgingSolverTest}); ⟨S⟩(0) is the mean of the
 *   discrete equilibrium at T_I.</li>
 *   <li>TRSP model ({@code 002} §VII C, Fig. 8c): {@code trajectories} independent L³ lattices drawn from
 *   N(μ(T_I), K), evolved at T_F by {@link TrspEnsemble} (Gillespie); ⟨S⟩(t) is the lattice mean at
 *   each requested time, averaged over trajectories with its standard error.</li>
 * </ul>
 * Times are the models' own (τ_R-based) times; the caller maps them to MD times through the matching
 * factor.
 */
public final class ModelAging {
    private ModelAging() {}

    /** Trap output times per decade. */
    public static final int TRAP_PER_DECADE = 20;
    /** Trap time steps per output. */
    public static final int TRAP_STEPS_PER_OUTPUT = 10;

    /**
     * The trap curve covering raw times [tMin, tMax].
     *
     * @param bins S bins (≥ 16)
     */
    public static ModelCurve trap(ModelParameters p, double tInitial, double tFinal, double tMin, double tMax, int bins) {
        TrapModel m = TrapModel.of(p);
        AgingSolver solver = new AgingSolver(m, tInitial, tFinal, bins);
        AgingSolver.Result r = solver.run(tMin, tMax, TRAP_PER_DECADE, TRAP_STEPS_PER_OUTPUT, 0, null, null);
        double[] s = solver.centers(), p0 = solver.stationary(tInitial);
        double m0 = 0;
        for (int i = 0; i < s.length; i++) m0 += s[i] * p0[i];
        double[] nan = new double[r.times().length];
        Arrays.fill(nan, Double.NaN);
        return new ModelCurve("trap", r.times(), r.meanS(), nan, m0);
    }

    /**
     * The TRSP curve at the given raw times.
     *
     * @param rawTimes raw model times (&gt; 0, strictly ascending)
     * @param side lattice side L
     * @param clusterSize rearranging cluster size m (1 or 4)
     * @param tol kick window tolerance (0: full)
     * @param trajectories independent trajectories (≥ 2)
     */
    public static ModelCurve trsp(ModelParameters p, double tInitial, double tFinal, double[] rawTimes, int side, int clusterSize,
                                  double tol, int trajectories, long seed, int threads) {
        TrspModel m = TrspModel.of(p, tFinal, side, clusterSize, 1.0);
        double muI = TrspModel.of(p, tInitial, side, clusterSize, 1.0).mu();
        List<WindowedKick> kicks = TrspEnsemble.kicks(m, tol);
        double[] times = new double[rawTimes.length + 1];
        System.arraycopy(rawTimes, 0, times, 1, rawTimes.length);
        double tEnd = rawTimes[rawTimes.length - 1];
        var runs = TrspEnsemble.run(m, kicks, muI, trajectories, seed, tEnd, times, new TrspEnsemble.Recorders() {
            @Override public org.softglass.core.trsp.OverlapRecorder overlap() { return null; }
            @Override public SoftnessRecorder softness() { return new SoftnessRecorder(m.lattice(), 0, -4, 2, 1); }
        }, threads, null);
        double[][] v = new double[runs.size()][times.length];
        for (int r = 0; r < runs.size(); r++) {
            List<double[]> series = runs.get(r).softness().series();
            if (series.size() != times.length) throw new IllegalStateException("TRSP trajectory " + r + " recorded " + series.size() + " of " + times.length + " times");
            for (int k = 0; k < times.length; k++) v[r][k] = series.get(k)[1];
        }
        double[] mean = new double[rawTimes.length], err = new double[rawTimes.length];
        for (int k = 0; k < rawTimes.length; k++) {
            ModelCurve.Point pt = AgingTable.replicaMean(v, k + 1);
            mean[k] = pt.mean();
            err[k] = pt.error();
        }
        return new ModelCurve("trsp", rawTimes, mean, err, AgingTable.replicaMean(v, 0).mean());
    }

}
