package org.softglass.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CSV tables softglass reads and writes. {@link #read}: a small CSV file with a fixed header, row by row: the first
 * line must equal {@code header}, every non-blank row must have as many comma-separated fields, and a row the caller
 * cannot parse becomes an {@link InputFormatException} naming the file and line. {@link #write}: a header and rows,
 * atomically. Not for quoted fields (softglass writes none).
 */
public final class CsvRows {
    private CsvRows() {}

    /** One row's fields, its 1-based line number and text. */
    @FunctionalInterface
    public interface Row {
        /**
         * @throws NumberFormatException for a malformed value (reported with the line and what the header expects)
         * @throws InputFormatException for any other problem (the consumer names it)
         */
        void accept(String[] fields, long line, String text);
    }

    /**
     * Streams the rows of {@code csv} to {@code row}.
     *
     * @throws InputFormatException another header, a row with another field count, a value the consumer cannot
     *     parse, or text that is not UTF-8
     */
    public static void read(Path csv, String header, Row row) throws IOException {
        String src = csv.toString();
        int fields = header.split(",", -1).length;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String head = r.readLine();
            if (head == null || !head.strip().equals(header)) {
                throw new InputFormatException(src, 1, "header '" + InputFormatException.quote(head) + "', expected '" + header + "'");
            }
            long line = 1;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                if (s.isBlank()) continue;
                String[] f = s.split(",", -1);
                if (f.length != fields) throw new InputFormatException(src, line, f.length + " fields, expected " + fields + " (" + header + ")");
                try {
                    row.accept(f, line, s);
                } catch (NumberFormatException e) {
                    throw new InputFormatException(src, line, "found '" + InputFormatException.quote(s) + "', expected numbers as in '" + header + "'");
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputFormatException(src, -1, "not UTF-8 text, expected a CSV (" + header + ")");
        }
    }

    /**
     * Writes {@code header} and {@code rows} atomically ({@link AtomicOutput}: the file appears complete or not at all):
     * a {@code Double} as Java's shortest representation, NaN and ±∞ as an empty field (pandas reads NaN); anything
     * else by {@code toString()}.
     */
    public static void write(Path file, String header, java.util.List<Object[]> rows) throws IOException {
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

    /** Writes {@code text} as UTF-8, atomically. */
    public static void writeText(Path file, CharSequence text) throws IOException {
        byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(file, out -> out.write(b));
    }
}
