package org.softglass.bench;

import java.util.Map;

/**
 * Conversion between the score units JMH writes: time per operation ({@code ns/op}, {@code us/op},
 * {@code ms/op}, {@code s/op}, {@code min/op}, {@code hr/op}, {@code day/op}) and throughput
 * ({@code ops/ns} … {@code ops/day}).
 */
final class TimeUnits {
    private TimeUnits() {}

    /** Seconds per unit. */
    private static final Map<String, Double> SECONDS = Map.of("ns", 1e-9, "us", 1e-6, "µs", 1e-6, "ms", 1e-3,
            "s", 1.0, "min", 60.0, "hr", 3600.0, "day", 86400.0);

    /**
     * The factor f such that a score in {@code from} times f is the same quantity in {@code to}; 1 when
     * the units are equal strings, NaN when they are not both time-per-op or both throughput units.
     */
    static double factor(String from, String to) {
        if (from.equals(to)) return 1;
        double[] a = parse(from), b = parse(to);
        if (a == null || b == null || a[0] != b[0]) return Double.NaN;
        // time per op: x [a s] = x a/b [b s];  throughput: x ops per [a s] = x b/a ops per [b s]
        return a[0] == 0 ? a[1] / b[1] : b[1] / a[1];
    }

    /** {kind (0 time/op, 1 ops/time), seconds per time unit}, or null if not a JMH time unit. */
    private static double[] parse(String unit) {
        String[] p = unit.split("/");
        if (p.length != 2) return null;
        if (p[1].equals("op") && SECONDS.containsKey(p[0])) return new double[] {0, SECONDS.get(p[0])};
        if (p[0].equals("ops") && SECONDS.containsKey(p[1])) return new double[] {1, SECONDS.get(p[1])};
        return null;
    }
}
