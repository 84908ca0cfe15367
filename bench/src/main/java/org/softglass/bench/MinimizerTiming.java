package org.softglass.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.minimize.Report;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.stats.Descriptive;

/**
 * Side-by-side quench cost of the minimisers on the frames of a dump (not a JMH benchmark: one quench
 * is seconds). For each algorithm every {@code stride}-th frame (up to {@code frames}) is quenched
 * from a copy of the same positions (KA), after one untimed warm-up quench of the first frame; prints
 * one line per algorithm: mean iterations, force evaluations, wall seconds and process CPU seconds (all
 * threads; less disturbed than wall time on a shared machine) per quench, mean
 * U_IS/N ± its standard error over the frames, and how many converged; then the mean iterations and force
 * evaluations of each stage (e.g. L-BFGS and its FIRE tail).
 * Usage: {@code bin/java25 -cp bench/target/benchmarks.jar org.softglass.bench.MinimizerTiming DUMP frames stride ftol threads ALG[,ALG…] [lbfgsMemory [dmax [skin]]]}.
 */
public final class MinimizerTiming {
    private MinimizerTiming() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int frames = Integer.parseInt(args[1]), stride = Integer.parseInt(args[2]);
        double ftol = Double.parseDouble(args[3]);
        int threads = Integer.parseInt(args[4]);
        String[] algs = args[5].split(",");
        int memory = args.length > 6 ? Integer.parseInt(args[6]) : MinimizeOptions.defaults().lbfgsMemory();
        double dmax = args.length > 7 ? Double.parseDouble(args[7]) : MinimizeOptions.defaults().dmax();
        double skin = args.length > 8 ? Double.parseDouble(args[8]) : MinimizeOptions.defaults().skin();
        java.util.List<Frame> list = new java.util.ArrayList<>();
        try (LammpsDumpReader r = LammpsDumpReader.open(file)) {
            int k = 0;
            for (Frame f; (f = r.next()) != null && list.size() < frames; k++) {
                if (k % stride == 0) list.add(f);
                else f.close();
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d frames of N = %d, ftol %g, %d threads, L-BFGS memory %d, dmax %g, skin %g%n",
                file, list.size(), list.getFirst().size(), ftol, threads, memory, dmax, skin);
        System.out.println("alg          iter/quench  evals/quench  s/quench  cpu-s/quench   U_IS/N mean +- SE      converged");
        for (String name : algs) {
            MinimizeOptions o = MinimizeOptions.defaults().withAlgorithm(Algorithm.parse(name)).withFtol(ftol)
                    .withThreads(threads).withLbfgsMemory(memory).withDmax(dmax).withSkin(skin);
            try (Minimizer m = new Minimizer(Models.ka(), o)) {
                try (ParticleStore p = list.getFirst().particles().copy()) {
                    m.minimize(p, list.getFirst().box(), null);   // warm-up
                }
                com.sun.management.OperatingSystemMXBean os =
                        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long it = 0, ev = 0, ns = 0, cpu = 0;
                java.util.Map<Algorithm, long[]> byStage = new java.util.EnumMap<>(Algorithm.class);   // iterations, evaluations
                int ok = 0;
                double su = 0, su2 = 0;
                for (Frame f : list) {
                    try (ParticleStore p = f.particles().copy()) {
                        long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
                        Report rep = m.minimize(p, f.box(), null);
                        ns += System.nanoTime() - t0;
                        cpu += os.getProcessCpuTime() - c0;
                        it += rep.iterations();
                        ev += rep.forceEvaluations();
                        for (Report.Stage st : rep.stages()) {
                            long[] acc = byStage.computeIfAbsent(st.algorithm(), k -> new long[2]);
                            acc[0] += st.iterations();
                            acc[1] += st.forceEvaluations();
                        }
                        if (rep.converged()) ok++;
                        su += rep.energyPerAtom();
                        su2 += rep.energyPerAtom() * rep.energyPerAtom();
                    }
                }
                int n = list.size();
                double mean = su / n, se = Descriptive.standardErrorFromSums(n, su, su2);   // s_{n−1}/√n, NaN for n = 1
                System.out.printf(Locale.ROOT, "%-12s %11.1f %13.1f %9.3f %13.3f   %.6f +- %.6f  %d/%d%n", name, (double) it / n,
                        (double) ev / n, ns * 1e-9 / n, cpu * 1e-9 / n, mean, se, ok, n);
                byStage.forEach((stage, acc) -> System.out.printf(Locale.ROOT, "  stage %-8s %11.1f %13.1f%n", stage,
                        (double) acc[0] / n, (double) acc[1] / n));
            }
        }
        list.forEach(Frame::close);
    }
}
