package org.softglass.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CoreLatencyTest {
    /**
     * A short round of the ping-pong finishes (the echo thread answers every trip: a lost or reordered update would
     * leave both threads spinning, and the timeout fails the test) and gives a finite round trip above 1 ns (a
     * cache-line transfer between cores takes tens of ns at least; below 1 ns the threads could not have
     * alternated). No upper bound: on a busy machine a trip can take a scheduling slice.
     */
    @Test
    @Timeout(60)
    void aRoundAlternatesTheThreads() throws InterruptedException {
        double ns = CoreLatency.round(2000);
        assertTrue(Double.isFinite(ns) && ns > 1, "round trip " + ns + " ns");
    }
}
