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
     * Streams a hand-written comma-separated table to {@code row}: blank lines and lines starting with {@code #} are
     * skipped; every other line is stripped and split at commas with the blanks around them ({@code "1, 2 ,3"} gives
     * 1, 2, 3; trailing empty fields are dropped). No header or field count is imposed: the caller reads the first row as
     * a header if it has one and names what it expected. The {@code text} passed is the stripped line.
     *
     * @throws InputFormatException from the consumer, a value it cannot parse (a {@link NumberFormatException}, named
     *     with the line), or text that is not UTF-8
     */
    public static void readCommented(Path csv, Row row) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            long line = 0;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                String t = s.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                try {
                    row.accept(t.split("\\s*,\\s*"), line, t);
                } catch (NumberFormatException e) {
                    throw new InputFormatException(csv.toString(), line, "found '" + InputFormatException.quote(t) + "', expected numbers");
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputFormatException(csv.toString(), -1, "not UTF-8 text (a malformed byte sequence), expected a UTF-8 CSV table", e);
        }
    }

    /**
     * The last non-blank line of {@code csv} split at commas (every field, empty ones kept), or null when the file does
     * not exist or holds no such line: the newest row of a table still being appended to (a running MD item's
     * {@code thermo.csv.part}), whose last line may be incomplete (the caller checks the field count). Streams the file.
     *
     * @throws IOException the file cannot be read, or is not UTF-8 text
     */
    public static String[] lastRow(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) return null;
        String last = null;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (String s; (s = r.readLine()) != null; ) if (!s.isBlank()) last = s;
        }
        return last == null ? null : last.split(",", -1);
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

    /**
     * A CSV table read whole whose columns are found by name: the header's names (stripped) and every non-blank row,
     * split into as many fields as the header has, with its 1-based line number for messages.
     *
     * @param source the file, for messages
     * @param lines  the line number of each row
     */
    public record Table(String source, java.util.List<String> header, java.util.List<String[]> rows, long[] lines) {
        /** The index of column {@code name}, or −1. */
        public int column(String name) { return header.indexOf(name); }

        /** The index of the first of {@code names} the header has, or −1 (a column with alternative names). */
        public int column(String... names) {
            for (String n : names) if (header.contains(n)) return header.indexOf(n);
            return -1;
        }

        /** A problem with row {@code k}: an {@link InputFormatException} naming the file and the row's line. */
        public InputFormatException error(int k, String detail) { return new InputFormatException(source, lines[k], detail); }

        /**
         * Column {@code name} as numbers, in row order.
         *
         * @throws InputFormatException naming the file when the header has no such column, or the file and line of the
         *         first field that is not a number
         */
        public double[] doubles(String name) {
            int c = column(name);
            if (c < 0) throw new InputFormatException(source, 1, "found header '" + String.join(",", header) + "', expected a column " + name);
            double[] v = new double[rows.size()];
            for (int k = 0; k < v.length; k++) {
                try {
                    v[k] = Double.parseDouble(rows.get(k)[c]);
                } catch (NumberFormatException e) {
                    throw error(k, "column " + name + ": '" + rows.get(k)[c] + "' is not a number");
                }
            }
            return v;
        }
    }

    /**
     * Reads {@code csv} as a {@link Table}: the first line is the header, every non-blank row must have as many fields.
     *
     * @throws InputFormatException an empty file, a row with another field count, or text that is not UTF-8
     */
    public static Table readTable(Path csv) throws IOException {
        String src = csv.toString();
        java.util.List<String> text;
        try {
            text = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputFormatException(src, -1, "not UTF-8 text (a malformed byte sequence), expected a UTF-8 CSV table", e);
        }
        return table(src, text);
    }

    /**
     * {@link #readTable(Path)} of a stream: a resource inside a jar, which has no path; {@code source} names it in
     * messages. The stream is read to its end, not closed.
     *
     * @throws InputFormatException an empty stream, a row with another field count, or text that is not UTF-8
     */
    public static Table readTable(java.io.InputStream in, String source) throws IOException {
        String all;
        try {
            all = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputFormatException(source, -1, "not UTF-8 text (a malformed byte sequence), expected a UTF-8 CSV table", e);
        }
        return table(source, all.lines().toList());
    }

    /** The table of the lines {@code text} of {@code src}. */
    private static Table table(String src, java.util.List<String> text) {
        if (text.isEmpty() || text.getFirst().isBlank()) throw new InputFormatException(src, 1, "empty file, expected a CSV header");
        java.util.List<String> header = java.util.Arrays.stream(text.getFirst().split(",", -1)).map(String::strip).toList();
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        long[] lines = new long[text.size()];
        for (int k = 1; k < text.size(); k++) {
            String line = text.get(k);
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            if (f.length != header.size()) {
                throw new InputFormatException(src, k + 1, "found '" + InputFormatException.quote(line) + "' (" + f.length + " fields), expected "
                        + header.size() + " (" + String.join(",", header) + ")");
            }
            for (int j = 0; j < f.length; j++) f[j] = f[j].strip();
            lines[rows.size()] = k + 1;
            rows.add(f);
        }
        return new Table(src, header, rows, java.util.Arrays.copyOf(lines, rows.size()));
    }
}
