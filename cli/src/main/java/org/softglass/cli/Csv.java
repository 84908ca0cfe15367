package org.softglass.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.softglass.core.io.AtomicOutput;

/** Small CSV and JSON writers for the analysis commands (atomic: the file appears complete or not at all). */
final class Csv {
    private Csv() {}

    /** Writes a header and rows of values (numbers as Java's shortest repr, NaN as empty). */
    static void write(Path file, String header, List<Object[]> rows) throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (Object[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                if (i > 0) sb.append(',');
                Object v = r[i];
                if (v instanceof Double d) sb.append(Double.isFinite(d) ? Double.toString(d) : "");
                else sb.append(v);
            }
            sb.append('\n');
        }
        writeText(file, sb);
    }

    /** Writes text (UTF-8) atomically. */
    static void writeText(Path file, CharSequence text) throws IOException {
        byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(file, out -> out.write(b));
    }

    /** Writes an object as indented JSON. */
    static void json(Path file, Object value) throws IOException {
        byte[] b = new com.fasterxml.jackson.databind.ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(value);
        AtomicOutput.write(file, out -> out.write(b));
    }

    /**
     * The lines of a UTF-8 text input (a CSV table); bytes that are not UTF-8 are an
     * {@link org.softglass.core.io.InputFormatException} naming the file, not a bare
     * {@link java.nio.charset.MalformedInputException} ("Input length = 1").
     */
    static List<String> readLines(Path file) throws IOException {
        try {
            return java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notUtf8(file, e);
        }
    }

    static org.softglass.core.io.InputFormatException notUtf8(Path file, java.nio.charset.CharacterCodingException e) {
        return new org.softglass.core.io.InputFormatException(file.toString(), -1,
                "not UTF-8 text (a malformed byte sequence), expected a UTF-8 CSV table", e);
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.4g", v); }

    /** Parses "lo:hi:n" bins. */
    static org.softglass.core.barriers.SoftnessBins bins(String spec, String option) {
        String[] p = spec.split(":");
        try {
            if (p.length != 3) throw new NumberFormatException();
            return new org.softglass.core.barriers.SoftnessBins(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Integer.parseInt(p[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected LO:HI:N (e.g. -3:3:24), got '" + spec + "'");
        }
    }

    /** Parses "lo:hi". */
    static double[] range(String spec, String option) {
        String[] p = spec.split(":");
        try {
            if (p.length != 2) throw new NumberFormatException();
            double lo = Double.parseDouble(p[0]), hi = Double.parseDouble(p[1]);
            if (!(hi > lo)) throw new NumberFormatException();
            return new double[] {lo, hi};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected LO:HI with LO < HI, got '" + spec + "'");
        }
    }

    /** An insertion-ordered map from alternating keys and values (so JSON output is identical run to run, unlike Map.of). */
    static java.util.Map<String, Object> map(Object... kv) {
        if (kv.length % 2 != 0) throw new IllegalArgumentException("odd number of key/value arguments");
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
