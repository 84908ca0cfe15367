package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Small CSV and JSON writers for the analysis commands (atomic: the file appears complete or not at all). */
public final class Csv {
    private Csv() {}

    /** Writes a header and rows of values (numbers as Java's shortest repr, NaN as empty): {@link org.softglass.core.io.CsvRows#write}. */
    public static void write(Path file, String header, List<Object[]> rows) throws IOException {
        org.softglass.core.io.CsvRows.write(file, header, rows);
    }

    /** Writes text (UTF-8) atomically. */
    public static void writeText(Path file, CharSequence text) throws IOException {
        org.softglass.core.io.CsvRows.writeText(file, text);
    }

    /** Writes an object as indented JSON ({@link org.softglass.core.io.JsonFile#write}). */
    public static void json(Path file, Object value) throws IOException {
        org.softglass.core.io.JsonFile.write(file, value);
    }

    /** Memory per bin of the binned analyses (counts, sums, bootstrap replicates' scratch), bytes. */
    static final long BYTES_PER_BIN = 1024;

    /**
     * Parses "lo:hi:n" bins: finite lo &lt; hi, 1 ≤ n, and n bins that fit in memory.
     *
     * @throws IllegalArgumentException naming the option
     */
    public static org.softglass.core.barriers.SoftnessBins bins(String spec, String option) {
        String[] p = spec.split(":");
        double lo, hi;
        int n;
        try {
            if (p.length != 3) throw new NumberFormatException();
            lo = Double.parseDouble(p[0]);
            hi = Double.parseDouble(p[1]);
            n = Integer.parseInt(p[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected LO:HI:N (e.g. -3:3:24), got '" + spec + "'");
        }
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi) || n < 1) {
            throw new IllegalArgumentException(option + ": expected finite LO < HI and N >= 1, got '" + spec + "'");
        }
        OptionChecks.memory(n, BYTES_PER_BIN, option + " " + spec + " (" + n + " bins)");
        return new org.softglass.core.barriers.SoftnessBins(lo, hi, n);
    }

    /** Parses "lo:hi". */
    public static double[] range(String spec, String option) {
        String[] p = spec.split(":");
        try {
            if (p.length != 2) throw new NumberFormatException();
            double lo = Double.parseDouble(p[0]), hi = Double.parseDouble(p[1]);
            if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) throw new NumberFormatException();
            return new double[] {lo, hi};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected LO:HI with finite LO < HI, got '" + spec + "'");
        }
    }

    /** An insertion-ordered map from alternating keys and values ({@link org.softglass.core.io.JsonFile#map}). */
    public static java.util.Map<String, Object> map(Object... kv) { return org.softglass.core.io.JsonFile.map(kv); }
}
