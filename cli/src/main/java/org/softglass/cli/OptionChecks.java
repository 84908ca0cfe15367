package org.softglass.cli;

import java.util.Collection;
import org.softglass.core.util.MemoryBudget;
import org.softglass.study.Checks;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Validation of numeric option values shared by the commands. Every failure is an
 * {@link IllegalArgumentException} whose one-line message names the option and says what was
 * expected, so {@link Errors} maps it to exit code {@link ExitCodes#USAGE}. The range rules that study requests
 * share (positive, non-negative, at least) are {@link Checks}'s, given the option as the message's subject.
 */
public final class OptionChecks {
    private OptionChecks() {}

    /**
     * Refuses NaN and ±∞ in every floating-point option and positional parameter of {@code spec}
     * (doubles, floats, and their arrays and collections, e.g. comma lists of temperatures), so that
     * no command computes with, or writes into a model or manifest, a value such as {@code --eps NaN}
     * or {@code --temperature 1e999}. {@link Main} calls it for every command before it runs, so no
     * command can forget it. Reads the parsed values only.
     *
     * @param spec the parsed command, or null when a command object is run directly by another
     *     command (e.g. the pipeline), which sets its fields itself: nothing is checked then
     * @throws IllegalArgumentException "--eps must be a finite number, got NaN"
     */
    static void finiteOptions(CommandSpec spec) {
        if (spec == null) return;
        for (OptionSpec o : spec.options()) check(o, o.longestName());
        for (ArgSpec p : spec.positionalParameters()) check(p, p.paramLabel());
    }

    private static void check(ArgSpec a, String name) {
        Object v = a.getValue();
        if (v instanceof Collection<?> c) {
            for (Object e : c) finiteValue(e, name);
        } else if (v instanceof double[] d) {
            for (double e : d) finiteValue(e, name);
        } else if (v instanceof float[] f) {
            for (float e : f) finiteValue(e, name);
        } else {
            finiteValue(v, name);
        }
    }

    private static void finiteValue(Object v, String name) {
        if ((v instanceof Double || v instanceof Float) && !Double.isFinite(((Number) v).doubleValue())) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + v);
        }
    }

    /** Returns v if it is finite and &gt; 0, else refuses: "--eps must be a finite number > 0, got -1.0" ({@link Checks#positiveAs}). */
    public static double positive(double v, String option) {
        return Checks.positiveAs(v, option);
    }

    /** Returns v if it is finite and ≥ 0, else refuses ({@link Checks#nonNegativeAs}). */
    public static double nonNegative(double v, String option) {
        return Checks.nonNegativeAs(v, option);
    }

    /** Returns v if lo ≤ v ≤ hi, else refuses: "--p-max must be in [0, 1], got 2.0". */
    public static double inRange(double v, double lo, double hi, String option) {
        if (!(v >= lo && v <= hi)) throw new IllegalArgumentException(option + " must be in [" + lo + ", " + hi + "], got " + v);
        return v;
    }

    /** Returns v if v ≥ min, else refuses: "--bins must be >= 1, got 0" ({@link Checks#atLeastAs}). */
    public static long atLeast(long v, long min, String option) {
        return Checks.atLeastAs(v, min, option);
    }

    /**
     * Refuses an option whose value would need more memory than the JVM can have, before anything is
     * allocated: "--n 1000000000 (particles) needs 117 GiB of memory, more than the 4.00 GiB this JVM
     * can use (raise -Xmx or reduce the size)".
     *
     * @param count the option's value (items)
     * @param bytesEach bytes each item needs
     * @param what the option and what it counts, e.g. {@code "--n 1000000000 (particles)"}
     */
    public static void memory(long count, long bytesEach, String what) {
        MemoryBudget.require(MemoryBudget.times(Math.max(0, count), bytesEach), what);
    }

    /**
     * A minimiser option ({@link org.softglass.core.minimize.Algorithm#parse}).
     *
     * @throws IllegalArgumentException naming the option and the accepted names
     */
    public static org.softglass.core.minimize.Algorithm minimiser(String value, String option) {
        try {
            return org.softglass.core.minimize.Algorithm.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }
}
