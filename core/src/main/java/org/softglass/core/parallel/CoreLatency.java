package org.softglass.core.parallel;

import org.softglass.core.stats.Descriptive;
import org.softglass.core.util.InvalidParameter;

/**
 * The round-trip time of one cache line between two threads: the calling thread writes a counter, a second thread
 * that spins on it answers through another counter; the result is ns per round trip (the median over rounds).
 *
 * <p>Why: on a 2-vCPU virtual machine the host sometimes places the two vCPUs far apart. On the development VM
 * this round trip then grows from ≈ 50–80 ns to ≈ 400–650 ns, and a 2-thread MD run, whose threads exchange a
 * few thousand cache lines per step, drops from ≈ 7 M to ≈ 4 M atom-steps/s while single-threaded processes are
 * unaffected (bench/RESULTS.md, "The 2-thread slow state"). {@code pipeline --estimate} prints it beside its MD rate,
 * and {@code bench/compare-lammps.sh} records it before every multi-thread MD run
 * ({@code java -cp softglass.jar org.softglass.core.parallel.CoreLatency}).
 *
 * <p>The OS picks the cores the two threads run on; with both cores busy the figure measures scheduling instead.
 * Both threads spin with a yield every 1024 turns, so a round finishes on an oversubscribed machine too.
 */
public final class CoreLatency {
    /** Round trips per round and rounds of {@link #main}: ≈ 0.3 s in the fast state, ≈ 3 s in the slow one. */
    public static final int TRIPS = 1_000_000, ROUNDS = 5;

    private static volatile long ping, pong;

    private CoreLatency() {}

    /** Prints {@code core_roundtrip_ns N}, the median of {@value #ROUNDS} rounds of {@value #TRIPS} round trips. */
    public static void main(String[] args) throws InterruptedException {
        System.out.printf("core_roundtrip_ns %.0f%n", roundTripNanos(TRIPS, ROUNDS));
    }

    /**
     * The median over {@code rounds} rounds of the mean round trip of {@code trips} trips, in ns. Not thread-safe
     * (one measurement at a time per JVM: the counters are shared).
     */
    public static synchronized double roundTripNanos(int trips, int rounds) throws InterruptedException {
        if (trips < 1 || rounds < 1) throw new InvalidParameter("{trips} and {rounds} must be >= 1, got " + trips + " and " + rounds);
        double[] ns = new double[rounds];
        for (int k = 0; k < rounds; k++) ns[k] = round(trips);
        return Descriptive.median(ns);
    }

    /** One round of {@code trips} round trips: ns per round trip. */
    static double round(int trips) throws InterruptedException {
        ping = 0;
        pong = 0;
        Thread echo = new Thread(() -> {
            for (long i = 1; i <= trips; i++) {
                for (int s = 1; ping != i; s++) pause(s);
                pong = i;
            }
        }, "softglass-core-latency");
        echo.setDaemon(true);
        echo.start();
        long t0 = System.nanoTime();
        for (long i = 1; i <= trips; i++) {
            ping = i;
            for (int s = 1; pong != i; s++) pause(s);
        }
        long t1 = System.nanoTime();
        echo.join();
        return (t1 - t0) / (double) trips;
    }

    private static void pause(int spins) {
        if ((spins & 1023) == 0) Thread.yield();
        else Thread.onSpinWait();
    }
}
