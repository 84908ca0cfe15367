package org.softglass.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.JsonFile;

/**
 * Renders validation results: an aligned text table (columns check, expected, measured, tolerance,
 * result) and a JSON document of schema {@value #SCHEMA}:
 * <pre>
 * { "schema": "softglass.validation/1", ...metadata (e.g. version, threads, seed, set, fixtures)...,
 *   "all_pass": true|false, "seconds": total,
 *   "checks": [ { "name", "description", "comparison" ("within"|"at_least"), "expected", "measured",
 *                 "tolerance" (null for at_least), "pass", "detail", "seconds" }, ... ] }
 * </pre>
 * Non-finite numbers are written as JSON null.
 */
public final class Report {
    private Report() {}

    /** The JSON schema name and version. */
    public static final String SCHEMA = "softglass.validation/1";

    /** A number for the table: 6 significant digits, exponent form outside [1e-3, 1e5), "nan" for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) return "nan";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.6g", v);
            if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** A tolerance for the table: 3 significant digits, exponent form outside [1e-3, 1e5). */
    static String tolerance(double v) {
        double a = Math.abs(v);
        if (v == 0 || Double.isNaN(v) || a < 1e-3 || a >= 1e5) return number(v);
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    /** The cells of a result: name, expected, measured, tolerance, pass/FAIL. */
    static String[] cells(Result r) {
        boolean within = r.check().comparison() == Check.Comparison.WITHIN;
        return new String[] {r.name(), within ? number(r.expected()) : ">= " + number(r.expected()), number(r.measured()),
                within ? "+- " + tolerance(r.tolerance()) : "-", r.pass() ? "pass" : "FAIL"};
    }

    /** The aligned table, one header line, one line per result (newline-terminated). */
    public static String table(List<Result> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"check", "expected", "measured", "tolerance", "result"});
        for (Result r : results) rows.add(cells(r));
        int[] w = new int[5];
        for (String[] row : rows) for (int k = 0; k < 5; k++) w[k] = Math.max(w[k], row[k].length());
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            sb.append(String.format("%-" + w[0] + "s  %" + w[1] + "s  %" + w[2] + "s  %-" + w[3] + "s  %s", (Object[]) row).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes the JSON document atomically (write-then-rename: no half-written file on failure).
     *
     * @param target   output file
     * @param metadata top-level fields written after "schema" (strings, numbers, booleans)
     * @param results  the results in report order
     */
    public static void writeJson(Path target, Map<String, Object> metadata, List<Result> results) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.putAll(metadata);
        boolean all = true;
        double seconds = 0;
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Result r : results) {
            all &= r.pass();
            seconds += r.seconds();
            checks.add(JsonFile.map("name", r.name(), "description", r.check().description(),
                    "comparison", r.check().comparison().name().toLowerCase(Locale.ROOT), "expected", JsonFile.finite(r.expected()),
                    "measured", JsonFile.finite(r.measured()), "tolerance", JsonFile.finite(r.tolerance()), "pass", r.pass(),
                    "detail", r.detail(), "seconds", JsonFile.finite(r.seconds())));
        }
        root.put("all_pass", all);
        root.put("seconds", JsonFile.finite(seconds));
        root.put("checks", checks);
        byte[] bytes = (JsonFile.pretty(root) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(target, out -> out.write(bytes));
    }
}
