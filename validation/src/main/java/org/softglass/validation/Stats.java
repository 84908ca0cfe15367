package org.softglass.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.softglass.core.fit.Line;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.stats.Descriptive;

/** Small statistics helpers for the validation runs. */
final class Stats {
    private Stats() {}

    /** The mean ({@link Descriptive#mean}). */
    static double mean(double[] x) {
        return Descriptive.mean(x);
    }

    /** The standard deviation with divisor n − 1 ({@link Descriptive.Divisor#SAMPLE}): the spread of estimates. */
    static double std(double[] x) {
        return Descriptive.std(x, Descriptive.Divisor.SAMPLE);
    }

    /**
     * Standard error of the mean of a correlated series by block averaging: the series is cut into
     * {@code blocks} equal blocks and the error is std(block means)/sqrt(blocks). With blocks longer
     * than the correlation time this is unbiased.
     */
    static double blockError(double[] x, int blocks) {
        int len = x.length / blocks;
        double[] m = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double s = 0;
            for (int k = 0; k < len; k++) s += x[b * len + k];
            m[b] = s / len;
        }
        return std(m) / Math.sqrt(blocks);
    }

    /** Least-squares slope of y on x ({@link Line}, unweighted). */
    static double slope(double[] x, double[] y) {
        return Line.fit(x, y).slope();
    }

    /** A CSV with a header row ({@link CsvRows#readTable}), read as columns of doubles; an empty cell is NaN. */
    record Table(List<String> header, double[][] cols) {
        /** @throws InputFormatException naming the file and line: a row with another field count, or a cell that is not a number */
        static Table read(Path csv) throws IOException {
            CsvRows.Table t = CsvRows.readTable(csv);
            double[][] c = new double[t.header().size()][t.rows().size()];
            for (int r = 0; r < t.rows().size(); r++) {
                String[] f = t.rows().get(r);
                for (int k = 0; k < f.length; k++) {
                    try {
                        c[k][r] = f[k].isEmpty() ? Double.NaN : Double.parseDouble(f[k]);
                    } catch (NumberFormatException e) {
                        throw t.error(r, "found '" + InputFormatException.quote(f[k]) + "' in column " + t.header().get(k) + ", expected a number");
                    }
                }
            }
            return new Table(t.header(), c);
        }

        double[] column(String name) {
            int k = header.indexOf(name);
            if (k < 0) throw new IllegalArgumentException("no column " + name + " in " + header);
            return cols[k];
        }
    }
}
