package org.softglass.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage's CSV file with a header row, as the report reads it: columns of doubles, a non-number
 * cell read as NaN. {@code data} holds the rows, each with one value per header column.
 */
record ReportTable(List<String> header, List<double[]> data) {
    static ReportTable read(Path f) throws IOException {
        org.softglass.core.io.CsvRows.Table t = org.softglass.core.io.CsvRows.readTable(f);
        List<double[]> rows = new ArrayList<>();
        for (String[] p : t.rows()) {
            double[] r = new double[p.length];
            for (int i = 0; i < r.length; i++) {
                try {
                    r[i] = Double.parseDouble(p[i]);
                } catch (NumberFormatException e) {
                    r[i] = Double.NaN;
                }
            }
            rows.add(r);
        }
        return new ReportTable(t.header(), rows);
    }

    int rows() { return data.size(); }

    double[] col(String name) {
        int k = header.indexOf(name);
        if (k < 0) throw new IllegalStateException("column '" + name + "' missing (have " + header + ")");
        return data.stream().mapToDouble(r -> r[k]).toArray();
    }

    /** Index of the first row whose column equals v (to 1e-9), or an error. */
    int find(String name, double v) {
        double[] c = col(name);
        for (int i = 0; i < c.length; i++) if (Math.abs(c[i] - v) < 1e-9) return i;
        throw new IllegalStateException("no row with " + name + " = " + v);
    }

    /** The given columns of the rows whose {@code key} column equals v (to 1e-9). */
    double[][] where(String key, double v, String... cols) {
        double[] kc = col(key);
        double[][] all = new double[cols.length][];
        for (int j = 0; j < cols.length; j++) all[j] = col(cols[j]);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < kc.length; i++) if (Math.abs(kc[i] - v) < 1e-9) idx.add(i);
        double[][] r = new double[cols.length][idx.size()];
        for (int j = 0; j < cols.length; j++) for (int i = 0; i < idx.size(); i++) r[j][i] = all[j][idx.get(i)];
        return r;
    }
}
