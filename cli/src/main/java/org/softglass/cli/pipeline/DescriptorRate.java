package org.softglass.cli.pipeline;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.softglass.core.io.Frame;
import org.softglass.core.structure.DescriptorCalculator;

/**
 * The softness stage's per-frame cost as {@code pipeline --estimate} measures it ({@link PipelineRates#measure}): the
 * descriptors of the A centres of a few frames with the run's thread count, after {@code warmFrames} untimed frames
 * that let the JIT compile the kernel (the first frame of a fresh JVM costs ≈ 2× the steady state, bench/RESULTS.md).
 *
 * <p><b>Projection basis.</b> {@link #secondsPerFrame()} = process CPU seconds per frame / threads: the wall time on
 * {@code threads} free cores. The calculator keeps every worker busy (chunks of 8 centres claimed
 * dynamically; the serial part, the frame's cell list, is ≈ 1 % of a frame), so on a quiet machine wall ≈ CPU / threads
 * ({@link #utilisation()} measured 0.99 at N = 10 000, bench/RESULTS.md). On a shared machine the wall time
 * also counts the time other processes held the cores (utilisation &lt; 1) and is printed beside it, with the load
 * average, but not projected. The CPU time includes the JIT compiler and GC threads of those frames.
 *
 * @param wallSecondsPerFrame wall seconds per timed frame
 * @param cpuSecondsPerFrame  process CPU seconds per timed frame (every thread of the JVM)
 * @param threads             the calculator's worker threads
 * @param warmFrames          untimed frames computed first
 * @param frames              timed frames
 * @param loadAverage         the system's 1-minute load average after the timed frames (NaN where not available)
 */
record DescriptorRate(double wallSecondsPerFrame, double cpuSecondsPerFrame, int threads, int warmFrames, int frames, double loadAverage) {

    /** A rate known only as seconds per frame on free cores (tests, round numbers): wall = CPU / threads, no load. */
    static DescriptorRate of(double secondsPerFrame, int threads) {
        return new DescriptorRate(secondsPerFrame, secondsPerFrame * threads, threads, 0, 0, Double.NaN);
    }

    /** Computes the A-centre (species 0) rows of {@code warm} untimed, then of {@code timed} on the clocks (class comment). */
    static DescriptorRate measure(DescriptorCalculator calc, List<Frame> warm, List<Frame> timed) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (Frame f : warm) calc.compute(f, DescriptorCalculator.centres(f.particles(), 0));
        long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        for (Frame f : timed) calc.compute(f, DescriptorCalculator.centres(f.particles(), 0));
        long t1 = System.nanoTime(), c1 = os.getProcessCpuTime();
        double load = os.getSystemLoadAverage();
        int n = timed.size();
        return new DescriptorRate((t1 - t0) * 1e-9 / n, (c1 - c0) * 1e-9 / n, calc.threads(), warm.size(), n, load < 0 ? Double.NaN : load);
    }

    /** Seconds per frame on {@code threads} free cores: CPU seconds per frame / threads (the projection's figure). */
    double secondsPerFrame() { return cpuSecondsPerFrame / threads; }

    /** The share of its {@code threads} cores the measurement got: CPU / (threads · wall). */
    double utilisation() { return cpuSecondsPerFrame / (threads * wallSecondsPerFrame); }

    /** E.g. {@code 2.130 s per frame on 2 free cores (CPU 4.26 s per frame; wall 8.26 s, 52 % of 2 cores, load 4.9; 2 untimed frames first)}. */
    String describe() {
        String load = Double.isNaN(loadAverage) ? "load unknown" : String.format(Locale.ROOT, "load %.1f", loadAverage);
        return String.format(Locale.ROOT, "%.3f s per frame on %d free cores (CPU %.3f s per frame; wall %.3f s, %.0f %% of %d cores, %s; %d untimed frames first)",
                secondsPerFrame(), threads, cpuSecondsPerFrame, wallSecondsPerFrame, 100 * utilisation(), threads, load, warmFrames);
    }
}
