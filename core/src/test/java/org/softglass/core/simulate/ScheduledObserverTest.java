package org.softglass.core.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduledObserverTest {
    static final long[] SCHEDULE = {0, 7, 50, 120, 151, 250, 300};

    static List<Simulation.ObserverFactory> observer() {
        return List.of(ScheduledObserver.factory("sched.csv", "x0,v0", SCHEDULE,
                (s, step, time) -> s.particles().pos(0, 0) + "," + s.particles().vel(0, 0)));
    }

    /** Rows exactly at the scheduled production steps, and byte-identical after an interruption and resume. */
    @Test
    void rowsAtTheScheduleAndResumeBitForBit(@TempDir Path tmp) throws IOException {
        RunSpec s = SimulationTest.spec("nvt", 300, 100, 0.005);
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        Simulation.run(s, a, 1, d -> {}, observer());
        List<String> rows = Files.readAllLines(a.resolve("sched.csv"));
        assertEquals("step,time,x0,v0", rows.getFirst());
        assertEquals(SCHEDULE.length + 1, rows.size());
        for (int k = 0; k < SCHEDULE.length; k++) {
            String[] f = rows.get(k + 1).split(",");
            assertEquals(SCHEDULE[k], Long.parseLong(f[0]));
            assertEquals(SCHEDULE[k] * 0.005, Double.parseDouble(f[1]), 1e-12);
        }
        long prod = s.productionStart();
        assertThrows(RuntimeException.class, () -> Simulation.run(s, b, 1, d -> { if (d == prod + 180) throw new RuntimeException("stop"); },
                observer()));
        assertFalse(Files.exists(b.resolve("sched.csv")), "no final file before completion");
        assertEquals(prod + 100, Simulation.run(s, b, 1, d -> {}, observer()).resumedFrom());
        assertArrayEquals(Files.readAllBytes(a.resolve("sched.csv")), Files.readAllBytes(b.resolve("sched.csv")));
    }

    @Test
    void refusesAnUnorderedSchedule(@TempDir Path tmp) {
        var f = ScheduledObserver.factory("x.csv", "v", new long[] {0, 5, 5}, (s, step, time) -> "1");
        assertThrows(IllegalArgumentException.class, () -> f.create(tmp, new long[0]));
    }
}
