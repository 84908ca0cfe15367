package org.softglass.cli.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@link TrapTemperatures}: the -T list, then --t-range evenly spaced in 1/T, or the subcommand's fallback range. */
class TrapTemperaturesTest {
    @Command(name = "t")
    static final class Host {
        @Mixin TrapTemperatures temperatures = new TrapTemperatures();
    }

    private static List<Double> parse(String fallback, String... args) {
        Host h = new Host();
        new CommandLine(h).parseArgs(args);
        return h.temperatures.list(fallback);
    }

    /** MIN:MAX:N gives MIN first and MAX last, with 1/T equally spaced (to round-off of a few ulp). */
    @Test
    void rangeIsEvenlySpacedInInverseTemperature() {
        List<Double> ts = parse(null, "--t-range", "0.4:1.0:7");
        assertEquals(7, ts.size());
        assertEquals(0.4, ts.getFirst(), 1e-15);
        assertEquals(1.0, ts.getLast(), 1e-15);
        double step = 1 / ts.get(0) - 1 / ts.get(1);
        assertEquals((1 / 0.4 - 1 / 1.0) / 6, step, 1e-14);
        for (int i = 1; i < ts.size(); i++) assertEquals(step, 1 / ts.get(i - 1) - 1 / ts.get(i), 1e-14);
    }

    @Test
    void listComesFirstAndTheFallbackOnlyWithoutEither() {
        assertEquals(List.of(0.5, 0.7), parse("0.35:1.2:60", "-T", "0.5,0.7"));
        List<Double> both = parse(null, "--temperature", "0.9", "--t-range", "0.5:0.6:2");
        assertEquals(List.of(0.9, 0.5, 0.6), both.stream().map(t -> Math.round(t * 1e12) / 1e12).toList());
        assertEquals(60, parse("0.35:1.2:60").size());
    }

    @Test
    void badInputNamesTheOption() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> parse(null));
        assertEquals("no temperatures: give -T/--temperature or --t-range", none.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> parse(null, "--t-range", "1.0:0.4:7"));
        assertTrue(bad.getMessage().startsWith("--t-range: need 0 < MIN < MAX"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse(null, "-T", "-0.5"));
    }
}
