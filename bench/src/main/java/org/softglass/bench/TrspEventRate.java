package org.softglass.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.softglass.core.trsp.TrspDynamics;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspPresets;

/**
 * TRSP events per second of one trajectory on one thread, by wall clock and by the thread's CPU time
 * (the CPU figure is the one to read on a shared machine): ka-002, warm-up of {@code events} events,
 * then {@code events} timed events, repeated {@code reps} times. Also prints the kick window size and
 * the memory a full dense H (N² doubles) would need.
 *
 * <p>Usage: {@code java ... org.softglass.bench.TrspEventRate L m T tol events reps}; prints CSV lines
 * {@code L,m,T,tol,window_rows,window_cols,dense_H_GB,rep,events,wall_s,cpu_s,events_per_cpu_s}.
 */
public final class TrspEventRate {
    private TrspEventRate() {}

    public static void main(String[] args) {
        int l = Integer.parseInt(args[0]), m = Integer.parseInt(args[1]);
        double t = Double.parseDouble(args[2]), tol = Double.parseDouble(args[3]);
        long events = Long.parseLong(args[4]);
        int reps = Integer.parseInt(args[5]);
        TrspModel model = TrspModel.of(TrspPresets.ka002(), t, l, m, 1.0);
        var kicks = TrspEnsemble.kicks(model, tol);
        double[] s = new double[model.lattice().sites()];
        model.covariance().sample(model.mu(), new SplittableRandom(1), s);
        TrspDynamics d = new TrspDynamics(model, kicks, s, 2);
        TrspDynamics.Observer none = new TrspDynamics.Observer() {};
        d.runEvents(events, none);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double denseGb = Math.pow(model.lattice().sites(), 2) * 8 / 1e9;
        System.out.println("L,m,T,tol,window_rows,window_cols,dense_H_GB,rep,events,wall_s,cpu_s,events_per_cpu_s");
        for (int r = 0; r < reps; r++) {
            long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
            d.runEvents(events, none);
            double wall = (System.nanoTime() - w0) * 1e-9, cpu = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
            System.out.printf(Locale.ROOT, "%d,%d,%g,%g,%d,%d,%.1f,%d,%d,%.3f,%.3f,%.0f%n", l, m, t, tol, kicks.getFirst().rowCount(),
                    kicks.getFirst().columnCount(), denseGb, r, events, wall, cpu, events / cpu);
        }
    }
}
