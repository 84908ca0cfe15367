import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.*;
import org.softglass.core.energy.Models;
import org.softglass.core.io.*;
import org.softglass.core.minimize.*;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/** Interleaved per-frame quenches: A = skin 0.3 (before), B = skin SKIN, C = skin 0.3 on 2 threads (round-off reference).
 *  Prints per frame evaluations, process CPU s, U_IS/N, and the fraction of particles whose IS positions differ by more than 0.1 and 0.01 sigma (B vs A, C vs A). */
public class QuenchSkinCompare {
    static double[] unwrapped(ParticleStore p, Box b) {
        int n = p.size(); double[] u = new double[3 * n];
        for (int a = 0; a < 3; a++) for (int i = 0; i < n; i++) u[a * n + i] = b.unwrap(p.pos(i, a), p.image(i, a), a);
        return u;
    }
    static String diff(double[] u, double[] v, int n) {
        int big = 0, small = 0;
        for (int i = 0; i < n; i++) {
            double d2 = 0; for (int a = 0; a < 3; a++) { double d = u[a * n + i] - v[a * n + i]; d2 += d * d; }
            if (d2 > 0.01) big++; if (d2 > 1e-4) small++;
        }
        return String.format(Locale.ROOT, "%.5f %.5f", big / (double) n, small / (double) n);
    }
    public static void main(String[] args) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double skin = Double.parseDouble(args[1]);
        List<Frame> frames = new ArrayList<>();
        try (TrajectoryReader tr = TrajectoryReader.open(Path.of(args[0]))) { for (Frame f; (f = tr.next()) != null; ) frames.add(f); }
        MinimizeOptions base = MinimizeOptions.defaults().withAlgorithm(Algorithm.LBFGS_FIRE).withFtol(1e-4);
        try (Minimizer a = new Minimizer(Models.ka(), base); Minimizer b = new Minimizer(Models.ka(), base.withSkin(skin));
             Minimizer c = new Minimizer(Models.ka(), base.withThreads(2))) {
            Minimizer[] ms = {a, b, c};
            for (Minimizer m : ms) try (ParticleStore p = frames.getFirst().particles().copy()) { m.minimize(p, frames.getFirst().box(), null); }  // warm-up
            System.out.printf(Locale.ROOT, "skin B = %s; load %.2f%nframe step  evalsA evalsB evalsC  cpuA cpuB cpuC  U_A U_B U_C  B-vs-A(>0.1,>0.01 sigma)  C-vs-A%n", skin, os.getSystemLoadAverage());
            for (Frame f : frames) {
                double[][] u = new double[3][]; long[] ev = new long[3]; double[] cpu = new double[3], e = new double[3];
                for (int k = 0; k < 3; k++) {
                    try (ParticleStore p = f.particles().copy()) {
                        long c0 = os.getProcessCpuTime();
                        Report r = ms[k].minimize(p, f.box(), null);
                        cpu[k] = (os.getProcessCpuTime() - c0) * 1e-9; ev[k] = r.forceEvaluations(); e[k] = r.energyPerAtom();
                        if (!r.converged()) throw new IllegalStateException("not converged " + r);
                        u[k] = unwrapped(p, f.box());
                    }
                }
                int n = f.size();
                System.out.printf(Locale.ROOT, "%d %d  %d %d %d  %.3f %.3f %.3f  %.7f %.7f %.7f  %s  %s  load %.2f%n", frames.indexOf(f), f.timestep(), ev[0], ev[1], ev[2],
                        cpu[0], cpu[1], cpu[2], e[0], e[1], e[2], diff(u[1], u[0], n), diff(u[2], u[0], n), os.getSystemLoadAverage());
            }
        }
    }
}
