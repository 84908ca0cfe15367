package org.softglass.core.parallel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CoreLatencyTest {
    /**
     * Short rounds of the ping-pong finish (the echo thread answers every trip: a lost or reordered update would
     * leave both threads spinning, and the timeout fails the test) and give a finite round trip above 1 ns (a
     * cache-line transfer between cores takes tens of ns at least; below 1 ns the threads could not have
     * alternated). No upper bound: on a busy machine a trip can take a scheduling slice.
     */
    @Test
    @Timeout(60)
    void roundsAlternateTheThreads() throws InterruptedException {
        double ns = CoreLatency.roundTripNanos(2000, 3);
        assertTrue(Double.isFinite(ns) && ns > 1, "round trip " + ns + " ns");
    }

    @Test
    void refusesEmptyMeasurements() {
        assertThrows(IllegalArgumentException.class, () -> CoreLatency.roundTripNanos(0, 3));
        assertThrows(IllegalArgumentException.class, () -> CoreLatency.roundTripNanos(10, 0));
    }
}
