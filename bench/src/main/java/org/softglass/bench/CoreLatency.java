package org.softglass.bench;

import java.util.Arrays;

/**
 * The round-trip time of one cache line between two threads: the main thread writes a counter, a second
 * thread that spins on it answers through another counter, {@value #TRIPS} times per round; prints the
 * median over {@value #ROUNDS} rounds in ns per round trip ({@code core_roundtrip_ns 58}).
 *
 * <p>Why: on this 2-vCPU VM the host sometimes places the two vCPUs far apart. Then this round trip grows
 * from ≈ 50–80 ns to ≈ 400–650 ns, and a 2-thread MD run, whose threads exchange a few thousand cache lines
 * per step, drops from ≈ 7 M to ≈ 4 M atom-steps/s while single-threaded processes are unaffected
 * (bench/RESULTS.md, "the 2-thread slow state"). {@code bench/compare-lammps.sh} runs it before every
 * multi-thread MD run, so that each rate can be read with the machine state it was measured in.
 *
 * <p>Run: {@code java bench/src/main/java/org/softglass/bench/CoreLatency.java} (source launcher, no build),
 * or from the bench jar. Takes ≈ 0.5 s in the fast state, ≈ 4 s in the slow one.
 */
public final class CoreLatency {
    static final int TRIPS = 1_000_000, ROUNDS = 5;

    private static volatile long ping, pong;

    private CoreLatency() {}

    public static void main(String[] args) throws InterruptedException {
        double[] ns = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) ns[round] = round(TRIPS);
        Arrays.sort(ns);
        System.out.printf("core_roundtrip_ns %.0f%n", ns[ROUNDS / 2]);
    }

    /**
     * One round of {@code trips} round trips: ns per round trip. Both threads spin, with a yield every 1024 turns so
     * that an oversubscribed machine still makes progress (it then measures scheduling, not the cache).
     */
    static double round(int trips) throws InterruptedException {
        ping = 0;
        pong = 0;
        Thread echo = new Thread(() -> {
            for (long i = 1; i <= trips; i++) {
                for (int s = 1; ping != i; s++) pause(s);
                pong = i;
            }
        });
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
