package org.softglass.validation.published;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.softglass.core.io.InputFormatException;

/**
 * A numeric CSV with a header line (the pipeline's outputs); non-numeric cells read as NaN.
 *
 * @param header column names
 * @param rows rows[i][column]
 * @param source the file, for messages
 */
public record Table(List<String> header, double[][] rows, String source) {
    /** Reads {@code file}. */
    public static Table read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) throw new InputFormatException(file.toString(), 1, "empty CSV, expected a header line");
        List<String> h = Arrays.stream(lines.get(0).split(",", -1)).map(String::trim).toList();
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            double[] r = new double[h.size()];
            for (int k = 0; k < r.length; k++) {
                try {
                    r[k] = k < c.length ? Double.parseDouble(c[k].trim()) : Double.NaN;
                } catch (NumberFormatException e) {
                    r[k] = Double.NaN;
                }
            }
            rows.add(r);
        }
        return new Table(h, rows.toArray(double[][]::new), file.toString());
    }

    /** The values of column {@code name}. */
    public double[] column(String name) {
        int k = header.indexOf(name);
        if (k < 0) throw new InputFormatException(source, 1, "no column '" + name + "' (header: " + String.join(",", header) + ")");
        double[] v = new double[rows.length];
        for (int i = 0; i < v.length; i++) v[i] = rows[i][k];
        return v;
    }

    /** Whether the header has {@code name}. */
    public boolean has(String name) {
        return header.contains(name);
    }
}
