package org.softglass.core.trsp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.softglass.core.parallel.Parallel;

/**
 * Independent trajectories of one TRSP model run in parallel ({@link Parallel}, one trajectory per
 * task), each from its own seed {@code seed + k}; results are returned in trajectory order, so the
 * output is identical for any thread count.
 *
 * <p>Trajectory k: initial field S ~ N(μ(T_init), K) drawn by FFT ({@link Circulant#sample}) from
 * {@code SplittableRandom(seed + k)}, then Gillespie dynamics at the model's temperature seeded by the
 * next long of the same generator. Equilibrium runs use T_init = T; aging runs T_init = T_I.
 */
public final class TrspEnsemble {
    private TrspEnsemble() {
    }

    /** Per-trajectory settings and outputs. */
    public record Trajectory(int index, OverlapRecorder overlap, SoftnessRecorder softness, long events, double seconds) {}

    /** Factory of per-trajectory recorders. */
    public interface Recorders {
        /** A new overlap recorder (or null for none). */
        OverlapRecorder overlap();
        /** A new softness recorder (or null). */
        SoftnessRecorder softness();
    }

    /**
     * Runs {@code count} trajectories.
     *
     * @param model         the model at the run temperature
     * @param kicks         one kick per shape
     * @param initialMean   μ of the initial equilibrium field (μ(T) or μ(T_I))
     * @param count         trajectories
     * @param seed          base seed
     * @param tEnd          duration of each trajectory
     * @param snapshotTimes snapshot times for the softness recorder
     * @param recorders     recorder factory
     * @param threads       worker threads
     * @param progress      called with the trajectory index when one finishes (from worker threads), may be null
     */
    public static List<Trajectory> run(TrspModel model, List<WindowedKick> kicks, double initialMean, int count, long seed,
                                       double tEnd, double[] snapshotTimes, Recorders recorders, int threads, IntConsumer progress) {
        Trajectory[] out = new Trajectory[count];
        try (Parallel par = new Parallel(threads)) {
            par.forChunks(count, 1, (worker, chunk, from, to) -> {
                for (int k = from; k < to; k++) {
                    long t0 = System.nanoTime();
                    SplittableRandom rng = new SplittableRandom(seed + k);
                    double[] s = new double[model.lattice().sites()];
                    model.covariance().sample(initialMean, rng, s);
                    TrspDynamics dyn = new TrspDynamics(model, kicks, s, rng.nextLong());
                    OverlapRecorder ov = recorders.overlap();
                    SoftnessRecorder so = recorders.softness();
                    TrspDynamics.Observer obs = combine(ov, so);
                    dyn.run(tEnd, snapshotTimes, obs);
                    if (ov != null) ov.finish(tEnd);
                    out[k] = new Trajectory(k, ov, so, dyn.events(), (System.nanoTime() - t0) * 1e-9);
                    if (progress != null) progress.accept(k);
                }
            });
        }
        return List.of(out);
    }

    private static TrspDynamics.Observer combine(TrspDynamics.Observer a, TrspDynamics.Observer b) {
        List<TrspDynamics.Observer> list = new ArrayList<>();
        if (a != null) list.add(a);
        if (b != null) list.add(b);
        return new TrspDynamics.Observer() {
            @Override public void snapshot(double t, double[] s) { for (var o : list) o.snapshot(t, s); }
            @Override public void event(double t, int[] sites, double[] before, double[] after) { for (var o : list) o.event(t, sites, before, after); }
        };
    }

    /** The kicks of every shape of the model: windowed with tolerance tol, or full when tol == 0. */
    public static List<WindowedKick> kicks(TrspModel model, double tol) {
        List<WindowedKick> k = new ArrayList<>();
        for (ClusterShape sh : model.shapes()) k.add(kick(model, sh, tol));
        return k;
    }

    /**
     * The kick of one shape (windowed, or full when tol == 0); a parameter error is reported with the
     * temperature, shape and facilitation factor prefixed.
     */
    public static WindowedKick kick(TrspModel model, ClusterShape sh, double tol) {
        ClusterGaussian cg = new ClusterGaussian(model, sh);
        try {
            return tol == 0 ? WindowedKick.full(cg) : WindowedKick.windowed(cg, tol);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("T=" + model.temperature() + ", " + sh + ", facilitation "
                    + model.facilitation() + ": " + e.getMessage(), e);
        }
    }
}
