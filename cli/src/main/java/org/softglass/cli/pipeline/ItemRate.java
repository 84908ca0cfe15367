package org.softglass.cli.pipeline;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The per-item cost of a parallel stage as {@code pipeline --estimate} measures it ({@link PipelineRates#measure}): a few
 * items (inherent-structure quenches, descriptor frames) with the run's thread count, timed after {@code warmItems}
 * untimed items that let the JIT compile the kernels (the first N = 10 000 {@code ka-266} frame of a fresh JVM costs
 * ≈ 1.9× the steady state, bench/RESULTS.md).
 *
 * <p><b>Projection basis.</b> {@link #secondsPerItem()} = process CPU seconds per item / threads: the wall time on
 * {@code threads} free cores when the stage keeps every thread busy. Both measured stages do: the descriptors split a
 * frame's centres into chunks of 8 claimed dynamically (the serial part, the frame's cell list, is ≈ 1 % of a frame;
 * {@link #utilisation()} measured 0.99 at N = 10 000 on a quiet machine), and the quench runs one frame per thread
 * (2 frames per thread are timed, so a thread that finishes first idles for at most the difference of two quenches;
 * not counted). On a shared machine the wall time also counts the time other processes held the cores (utilisation
 * &lt; 1): it is printed beside the projected figure, with the load average, but not projected. The CPU time is that of
 * the whole JVM during the timed items (JIT compiler and GC threads included).
 *
 * @param wallSecondsPerItem wall seconds per timed item
 * @param cpuSecondsPerItem  process CPU seconds per timed item (every thread of the JVM)
 * @param threads            the stage's threads
 * @param warmItems          untimed items run first
 * @param items              timed items
 * @param loadAverage        the system's 1-minute load average after the timed items (NaN where not available)
 */
record ItemRate(double wallSecondsPerItem, double cpuSecondsPerItem, int threads, int warmItems, int items, double loadAverage) {

    /** The timed work: all {@code items} of it. */
    @FunctionalInterface
    interface Work<E extends Exception> {
        void run() throws E;
    }

    /** A rate known only as seconds per item on free cores (tests, round numbers): wall = CPU / threads, no load. */
    static ItemRate of(double secondsPerItem, int threads) {
        return new ItemRate(secondsPerItem, secondsPerItem * threads, threads, 0, 0, Double.NaN);
    }

    /**
     * Times {@code timed} (which runs {@code items} items on {@code threads} threads, after the caller ran {@code warmItems}
     * untimed ones) on the wall clock and the process CPU clock.
     */
    static <E extends Exception> ItemRate time(int threads, int warmItems, int items, Work<E> timed) throws E {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        timed.run();
        long t1 = System.nanoTime(), c1 = os.getProcessCpuTime();
        double load = os.getSystemLoadAverage();
        return new ItemRate((t1 - t0) * 1e-9 / items, (c1 - c0) * 1e-9 / items, threads, warmItems, items, load < 0 ? Double.NaN : load);
    }

    /** Seconds per item on {@code threads} free cores: CPU seconds per item / threads (the projection's figure). */
    double secondsPerItem() { return cpuSecondsPerItem / threads; }

    /** The share of its {@code threads} cores the measurement got: CPU / (threads · wall). */
    double utilisation() { return cpuSecondsPerItem / (threads * wallSecondsPerItem); }

    /**
     * E.g. {@code 2.298 s per frame on 2 free cores (CPU 4.595 s per frame over 4 frames after 2 untimed; wall 6.833 s,
     * 34 % of 2 cores, load 6.2)}.
     */
    String describe(String unit) {
        String load = Double.isNaN(loadAverage) ? "load unknown" : String.format(Locale.ROOT, "load %.1f", loadAverage);
        return String.format(Locale.ROOT, "%.3f s per %s on %d free cores (CPU %.3f s per %s over %d %ss after %d untimed; wall %.3f s, %.0f %% of %d cores, %s)",
                secondsPerItem(), unit, threads, cpuSecondsPerItem, unit, items, unit, warmItems, wallSecondsPerItem, 100 * utilisation(), threads, load);
    }
}
