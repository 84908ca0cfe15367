package org.softglass.cli.models;

import java.util.ArrayList;
import java.util.List;
import org.softglass.cli.OptionChecks;
import picocli.CommandLine.Option;

/**
 * The temperatures of the trap subcommands that tabulate the model against T (equilibrium, relax, fragility): a comma
 * list {@code -T/--temperature} and/or {@code --t-range MIN:MAX:N}, N temperatures evenly spaced in 1/T (ε/k_B; paper
 * 000 plots ⟨S⟩, τ and m against 1/T). Each subcommand has its own range when neither is given ({@link #list(String)}).
 */
public final class TrapTemperatures {
    @Option(names = {"-T", "--temperature"}, split = ",", paramLabel = "T", description = "Temperatures (comma list).")
    private List<Double> list;

    @Option(names = "--t-range", paramLabel = "MIN:MAX:N", description = "N temperatures evenly spaced in 1/T, after those of -T "
            + "(default without -T: equilibrium 0.35:1.2:60, fragility 0.40:0.85:19, relax none).")
    private String range;

    /**
     * The temperatures of these options.
     *
     * @param fallbackRange the subcommand's {@code MIN:MAX:N} when neither option is given, or null for none
     */
    List<Double> list(String fallbackRange) { return of(list, range, fallbackRange); }

    /**
     * Temperatures: the list, then the range MIN:MAX:N evenly spaced in 1/T from MAX down to MIN (or the fallback range
     * when neither is given).
     *
     * @throws IllegalArgumentException naming {@code --t-range} or the bad temperature, or when there is none
     */
    public static List<Double> of(List<Double> list, String range, String fallbackRange) {
        List<Double> out = new ArrayList<>();
        if (list != null) out.addAll(list);
        if (range != null || (out.isEmpty() && fallbackRange != null)) {
            String r = range != null ? range : fallbackRange;
            String[] f = r.split(":");
            if (f.length != 3) throw new IllegalArgumentException("--t-range: expected MIN:MAX:N, got '" + r + "'");
            double a, b;
            int n;
            try {
                a = Double.parseDouble(f[0]); b = Double.parseDouble(f[1]); n = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--t-range: expected MIN:MAX:N with numbers, got '" + r + "'");
            }
            if (!(a > 0) || !(b > a) || !Double.isFinite(b) || n < 2) {
                throw new IllegalArgumentException("--t-range: need 0 < MIN < MAX (finite) and N >= 2, got '" + r + "'");
            }
            OptionChecks.memory(n, 1024, "--t-range " + r + " (" + n + " temperatures)");
            for (int i = 0; i < n; i++) out.add(1 / (1 / b + (1 / a - 1 / b) * (n - 1 - i) / (n - 1)));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no temperatures: give -T/--temperature or --t-range");
        for (double t : out) if (!(t > 0) || !Double.isFinite(t)) throw new IllegalArgumentException("temperature must be > 0, got " + t);
        return out;
    }
}
