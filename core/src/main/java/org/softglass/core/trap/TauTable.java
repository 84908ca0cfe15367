package org.softglass.core.trap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;

/**
 * A relaxation-time table τ(T) read from CSV (e.g. MD τ_α or τ_Q per temperature), input of
 * {@link Fragility}.
 *
 * <p>Format: comma-separated, lines starting with {@code #} and blank lines ignored. An optional header
 * names the columns; the temperature column is the one named {@code T}, {@code temperature} or
 * {@code temp}, the time column the first whose name starts with {@code tau}; without a header the
 * first two columns are T and τ. Both must be finite and &gt; 0; errors name the file and line.
 *
 * @param temperatures T per row
 * @param taus τ per row
 */
public record TauTable(double[] temperatures, double[] taus) {

    /** Reads and validates a table. @throws InputFormatException naming FILE:LINE and what was expected */
    public static TauTable read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int[] cols = {0, 1};   // the T and tau columns
        boolean[] headerSeen = {false};
        CsvRows.readCommented(file, (f, no, s) -> {
            if (rows.isEmpty() && !headerSeen[0] && f.length > 0 && !isNumber(f[0])) {
                headerSeen[0] = true;
                int tCol = -1, tauCol = -1;
                for (int i = 0; i < f.length; i++) {
                    String h = f[i].toLowerCase(Locale.ROOT);
                    if (tCol < 0 && (h.equals("t") || h.equals("temperature") || h.equals("temp"))) tCol = i;
                    else if (tauCol < 0 && h.startsWith("tau")) tauCol = i;
                }
                if (tCol < 0 || tauCol < 0) throw new InputFormatException(file.toString(), no,
                        "found header '" + InputFormatException.quote(s) + "', expected columns named T (or temperature) and tau...");
                cols[0] = tCol;
                cols[1] = tauCol;
                return;
            }
            int need = Math.max(cols[0], cols[1]) + 1;
            if (f.length < need) throw new InputFormatException(file.toString(), no, "found " + f.length + " columns, expected at least " + need);
            double t = number(file, no, f[cols[0]], "temperature"), tau = number(file, no, f[cols[1]], "relaxation time");
            rows.add(new double[] {t, tau});
        });
        if (rows.size() < 3) throw new InputFormatException(file.toString(), -1, "found " + rows.size() + " data rows, expected at least 3 (T, tau) rows");
        double[] ts = new double[rows.size()], taus = new double[rows.size()];
        for (int i = 0; i < ts.length; i++) { ts[i] = rows.get(i)[0]; taus[i] = rows.get(i)[1]; }
        return new TauTable(ts, taus);
    }

    private static boolean isNumber(String s) {
        try { Double.parseDouble(s); return true; } catch (NumberFormatException e) { return false; }
    }

    private static double number(Path file, long line, String s, String what) {
        double v;
        try { v = Double.parseDouble(s); } catch (NumberFormatException e) {
            throw new InputFormatException(file.toString(), line, "found '" + InputFormatException.quote(s) + "', expected a " + what + " (a number)");
        }
        if (!(v > 0) || !Double.isFinite(v)) throw new InputFormatException(file.toString(), line, "found " + what + " " + InputFormatException.quote(s) + ", expected a finite number > 0");
        return v;
    }
}
