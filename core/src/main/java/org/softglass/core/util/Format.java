package org.softglass.core.util;

import java.util.Locale;

/**
 * How softglass writes a number for a person to read (console lines, plot legends, messages, report tables): one
 * place, so every such number looks the same. Files meant for programs keep full precision instead
 * ({@code Double.toString}, {@code %.17g}).
 */
public final class Format {
    private Format() {}

    /** {@code v} to 4 significant digits, {@code %.4g} in the root locale (e.g. {@code 0.6100}, {@code 1.235e+04}, {@code NaN}). */
    public static String g4(double v) { return String.format(Locale.ROOT, "%.4g", v); }
}
