package org.softglass.validation.published;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;

/**
 * A numeric CSV with a header line (the pipeline's outputs), read through {@link CsvRows#readTable} (every row as many
 * fields as the header); a cell that is not a number reads as NaN.
 *
 * @param header column names
 * @param rows rows[i][column]
 * @param source the file, for messages
 */
public record Table(List<String> header, double[][] rows, String source) {
    /**
     * Reads {@code file}.
     *
     * @throws InputFormatException an empty file, a row with another field count than the header, or text that is not UTF-8
     */
    public static Table read(Path file) throws IOException {
        CsvRows.Table t = CsvRows.readTable(file);
        double[][] rows = new double[t.rows().size()][];
        for (int i = 0; i < rows.length; i++) {
            String[] c = t.rows().get(i);
            rows[i] = new double[c.length];
            for (int k = 0; k < c.length; k++) {
                try {
                    rows[i][k] = Double.parseDouble(c[k]);
                } catch (NumberFormatException e) {
                    rows[i][k] = Double.NaN;
                }
            }
        }
        return new Table(t.header(), rows, t.source());
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
