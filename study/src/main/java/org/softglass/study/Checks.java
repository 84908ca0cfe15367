package org.softglass.study;

import org.softglass.core.util.InvalidParameter;

/**
 * The range checks of study requests and of the command line's options, each rule written once. A refusal is an
 * {@link InvalidParameter} (exit code 2 on the command line). The plain forms name a request's parameter by its token
 * ({@code {perDecade}}), which the command line renders as its option ({@code --per-decade}) and a Java caller reads
 * as the bare name; the {@code ...As} forms take the subject as it is to be written, e.g. an option {@code --eps} as
 * typed (the command line's {@code OptionChecks} delegate to them).
 */
public final class Checks {
    private Checks() {}

    /** {@code v} if it is finite and &gt; 0: "{name} must be a finite number &gt; 0, got -1.0". */
    public static double positive(double v, String name) {
        return positiveAs(v, token(name));
    }

    /** {@code v} if it is finite and ≥ 0. */
    public static double nonNegative(double v, String name) {
        return nonNegativeAs(v, token(name));
    }

    /** {@code v} if it is ≥ {@code min}: "{name} must be &gt;= 1, got 0". */
    public static long atLeast(long v, long min, String name) {
        return atLeastAs(v, min, token(name));
    }

    /** {@link #positive} with the subject as written: "--eps must be a finite number &gt; 0, got -1.0". */
    public static double positiveAs(double v, String subject) {
        if (!(v > 0) || !Double.isFinite(v)) throw new InvalidParameter(subject + " must be a finite number > 0, got " + v);
        return v;
    }

    /** {@link #nonNegative} with the subject as written: "--lead must be a finite number &gt;= 0, got -1.0". */
    public static double nonNegativeAs(double v, String subject) {
        if (!(v >= 0) || !Double.isFinite(v)) throw new InvalidParameter(subject + " must be a finite number >= 0, got " + v);
        return v;
    }

    /** {@link #atLeast} with the subject as written: "--bins must be &gt;= 1, got 0". */
    public static long atLeastAs(long v, long min, String subject) {
        if (v < min) throw new InvalidParameter(subject + " must be >= " + min + ", got " + v);
        return v;
    }

    private static String token(String name) {
        return "{" + name + "}";
    }
}
