package org.softglass.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorKernels;
import org.softglass.core.structure.DescriptorSpec;

/**
 * A plain timing loop beside the JMH benchmark, for quick checks on a busy machine: computes a preset for
 * the first {@code centres} particles of a frame {@code reps} times on one thread and prints the best wall
 * time and the best thread CPU time per centre (CPU time is less disturbed by other processes).
 * Usage: {@code bin/java25 -cp bench/target/benchmarks.jar org.softglass.bench.DescriptorTiming [FRAME] [centres] [reps] [panama|scalar] [preset] [OUT.npy|-] [threads]};
 * with OUT.npy the rows of the last repetition are written as float64 (centres × M), for comparisons. With
 * threads &gt; 1 the CPU time is that of the whole process (all workers), so CPU(2 threads) ≈ CPU(1 thread)
 * shows that the parallel loop adds no work: on free cores the wall-time speed-up is then ≈ the thread count.
 */
public final class DescriptorTiming {
    private DescriptorTiming() {}

    private static double[][] rows(double[] out, int n) {
        int m = out.length / n;
        double[][] r = new double[n][];
        for (int k = 0; k < n; k++) r[k] = Arrays.copyOfRange(out, k * m, (k + 1) * m);
        return r;
    }

    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : DescriptorBench.frameFile();
        int centres = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean scalar = args.length > 3 && args[3].equals("scalar");
        String preset = args.length > 4 ? args[4] : "ka-266";
        int threads = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (Frame f = LammpsDumpReader.readFirst(file);
             DescriptorCalculator calc = new DescriptorCalculator(DescriptorSpec.preset(preset), threads,
                     scalar ? DescriptorKernels.scalar() : DescriptorKernels.panama())) {
            int[] slots = Arrays.copyOf(DescriptorCalculator.centres(f.particles(), -1), Math.min(centres, f.size()));
            double[] out = new double[slots.length * calc.columns()];
            double bestWall = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
            for (int r = 0; r < reps; r++) {
                long c0 = threads > 1 ? os.getProcessCpuTime() : mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                calc.compute(f.box(), f.particles(), slots, out, 0);
                long t1 = System.nanoTime(), c1 = threads > 1 ? os.getProcessCpuTime() : mx.getCurrentThreadCpuTime();
                bestWall = Math.min(bestWall, (t1 - t0) / 1e3 / slots.length);
                bestCpu = Math.min(bestCpu, (c1 - c0) / 1e3 / slots.length);
                System.out.printf("rep %d: wall %.1f us/centre, cpu %.1f us/centre%n", r, (t1 - t0) / 1e3 / slots.length, (c1 - c0) / 1e3 / slots.length);
            }
            if (args.length > 5 && !args[5].equals("-")) org.softglass.core.io.NpyWriter.write(Path.of(args[5]), org.softglass.core.io.NpyDType.FLOAT64, rows(out, slots.length));
            System.out.printf("softglass cpu_us_per_centre %.3f%n", bestCpu);
            System.out.printf("softglass wall_us_per_centre %.3f%n", bestWall);
            System.out.printf("%s %s, %d thread(s): best wall %.1f us/centre, best cpu %.1f us/centre (checksum %.6e)%n", preset,
                    calc.kernel().name(), threads, bestWall, bestCpu, out[out.length - 1]);
        }
    }
}
