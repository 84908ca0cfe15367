package org.softglass.core.aging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WaitingTimesTest {
    @Test
    void zeroThenLogSpacedWholeSteps() {
        WaitingTimes w = WaitingTimes.logSpaced(0.1, 100, 1, 0.005);
        assertArrayEquals(new long[] {0, 20, 200, 2000, 20000}, w.steps());
        assertArrayEquals(new double[] {0, 0.1, 1, 10, 100}, w.times(), 1e-12);
        assertEquals(20000, w.lastStep());
    }

    @Test
    void stepsThatRoundTogetherAreKeptOnce() {
        WaitingTimes w = WaitingTimes.logSpaced(0.005, 0.02, 10, 0.005);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, w.steps());
    }

    @Test
    void refusesBadRanges() {
        assertThrows(IllegalArgumentException.class, () -> WaitingTimes.logSpaced(0.001, 1, 5, 0.005));
        assertThrows(IllegalArgumentException.class, () -> WaitingTimes.logSpaced(1, 1, 5, 0.005));
        assertThrows(IllegalArgumentException.class, () -> WaitingTimes.logSpaced(0.1, 1, 0, 0.005));
    }
}
