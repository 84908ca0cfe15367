package org.softglass.core.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.softglass.core.util.MemoryBudget;

/**
 * Line-oriented text input shared by the text readers: transparent gzip (detected by the magic bytes
 * {@code 1f 8b}), 1-based line numbers, a one-line push-back, whitespace tokenising without
 * allocation, and number parsing that reports {@code FILE:LINE} errors.
 */
final class TextInput implements Closeable {
    final String source;
    private final BufferedReader reader;
    private long lineNo;
    private String pushed;
    private long pushedLineNo;

    /**
     * Largest number of gzip-decoded text bytes per compressed byte: DEFLATE cannot expand more than
     * 1032:1 (RFC 1951 stored/length codes: 258 bytes per 2 bits at best, rounded up).
     */
    static final long GZIP_MAX_RATIO = 1032;
    /** An upper bound of the text's length in bytes ({@link Long#MAX_VALUE} when unknown). */
    final long maxTextBytes;
    /** Whether {@link #maxTextBytes} is the exact length (a plain file) rather than a loose bound. */
    final boolean exactLength;

    TextInput(InputStream in, String source) throws IOException {
        this(in, source, -1);
    }

    /** @param fileBytes the length of the underlying file, or -1 when unknown (a stream) */
    private TextInput(InputStream in, String source, long fileBytes) throws IOException {
        this.source = source;
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        boolean gz = isGzip(b);
        InputStream body;
        try {
            body = gz ? new GZIPInputStream(b, 1 << 16) : b;
        } catch (java.util.zip.ZipException | java.io.EOFException e) { // gzip magic bytes, then a corrupt or truncated gzip header
            throw error(1, "truncated or corrupt gzip data (" + e.getMessage() + "); expected a complete .gz file", e);
        }
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.ISO_8859_1), 1 << 16);
        this.exactLength = fileBytes >= 0 && !gz;
        this.maxTextBytes = fileBytes < 0 ? Long.MAX_VALUE
                : gz ? (fileBytes > Long.MAX_VALUE / GZIP_MAX_RATIO ? Long.MAX_VALUE : fileBytes * GZIP_MAX_RATIO) : fileBytes;
    }

    static TextInput open(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new java.nio.file.FileSystemException(file.toString(), null, "Is a directory");
        InputStream in = Files.newInputStream(file);
        try {
            return new TextInput(in, file.getFileName().toString(), Files.size(file));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Whether the stream starts with the gzip magic bytes (it is reset to where it was). */
    private static boolean isGzip(BufferedInputStream b) throws IOException {
        b.mark(2);
        int m0 = b.read(), m1 = b.read();
        b.reset();
        return m0 == 0x1f && m1 == 0x8b;
    }

    /**
     * Checks an atom count read from a header before anything is allocated from it: the text must be
     * long enough to hold {@code n} rows of {@code columns} values (each value needs at least one
     * character plus a separator or the line end: 2 bytes), and {@code n · bytesPerRow} must fit the
     * {@link MemoryBudget}.
     *
     * @param n the count from the header
     * @param columns values per row (≥ 1)
     * @param bytesPerRow memory one row will take once read (bytes)
     * @param countLine the header line of the count, for the message
     * @throws InputFormatException naming the count's line, if either check fails
     */
    void checkRowCount(long n, int columns, long bytesPerRow, long countLine) {
        long minRow = 2L * Math.max(1, columns);
        if (maxTextBytes != Long.MAX_VALUE && n > maxTextBytes / minRow) {
            throw error(countLine, "atom count " + n + " cannot fit in " + (exactLength ? "the file's " : "at most ") + maxTextBytes
                    + " bytes (each row of " + columns + " values needs at least " + minRow + " bytes), expected the number of rows that follow");
        }
        long need = MemoryBudget.times(n, bytesPerRow);
        if (!MemoryBudget.fits(need)) throw error(countLine, MemoryBudget.describe(need, "atom count " + n));
    }

    /** The next line (without terminator), or null at end of input. */
    String readLine() throws IOException {
        if (pushed != null) {
            String s = pushed;
            pushed = null;
            lineNo = pushedLineNo;
            return s;
        }
        String s;
        try {
            s = reader.readLine();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw error(lineNo + 1, "truncated or corrupt gzip data (" + e.getMessage() + "); expected a complete .gz file", e);
        }
        if (s != null) lineNo++;
        return s;
    }

    /** The next line that is not blank, or null at end of input. */
    String readNonBlankLine() throws IOException {
        String s;
        do {
            s = readLine();
        } while (s != null && s.isBlank());
        return s;
    }

    /**
     * Pushes back the line just read; the next {@link #readLine()} returns it again with the same
     * line number ({@link #lineNo()} is unchanged until then).
     */
    void unread(String line) {
        pushed = line;
        pushedLineNo = lineNo;
    }

    /** Line number of the last line returned (0 before the first). */
    long lineNo() { return lineNo; }

    InputFormatException error(String detail) { return new InputFormatException(source, lineNo, detail); }

    InputFormatException error(long line, String detail) { return new InputFormatException(source, line, detail); }

    InputFormatException error(long line, String detail, Throwable cause) {
        return new InputFormatException(source, line, detail, cause);
    }

    /**
     * Splits {@code line} at whitespace into token bounds {@code [starts[k], ends[k])}.
     *
     * @return the number of tokens, which may exceed the arrays' length (only the first fit are stored)
     */
    static int tokenize(String line, int[] starts, int[] ends) {
        int n = 0, len = line.length(), i = 0;
        while (true) {
            while (i < len && line.charAt(i) <= ' ') i++;
            if (i >= len) return n;
            int s = i;
            while (i < len && line.charAt(i) > ' ') i++;
            if (n < starts.length) {
                starts[n] = s;
                ends[n] = i;
            }
            n++;
        }
    }

    /** Parses a double in {@code line[s, e)}; NaN/inf spellings of C's printf are accepted. */
    double parseDouble(String line, int s, int e, String what) {
        String tok = line.substring(s, e);
        try {
            return Double.parseDouble(tok);
        } catch (NumberFormatException ex) {
            String t = tok.toLowerCase(java.util.Locale.ROOT);
            if (t.equals("nan") || t.equals("-nan") || t.equals("+nan")) return Double.NaN;
            if (t.equals("inf") || t.equals("+inf") || t.equals("infinity")) return Double.POSITIVE_INFINITY;
            if (t.equals("-inf") || t.equals("-infinity")) return Double.NEGATIVE_INFINITY;
            throw error(lineNo, "expected a number for " + what + ", found '" + abbreviate(tok) + "'", ex);
        }
    }

    /** Parses a decimal integer (optional sign) in {@code line[s, e)} without allocating. */
    long parseLong(String line, int s, int e, String what) {
        int i = s;
        boolean neg = false;
        if (i < e && (line.charAt(i) == '-' || line.charAt(i) == '+')) neg = line.charAt(i++) == '-';
        if (i >= e || e - i > 18) return parseLongSlow(line, s, e, what);
        long v = 0;
        for (; i < e; i++) {
            int d = line.charAt(i) - '0';
            if (d < 0 || d > 9) return parseLongSlow(line, s, e, what);
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    private long parseLongSlow(String line, int s, int e, String what) {
        String tok = line.substring(s, e);
        try {
            return Long.parseLong(tok);
        } catch (NumberFormatException ex) {
            throw error(lineNo, "expected an integer for " + what + ", found '" + abbreviate(tok) + "'", ex);
        }
    }

    /**
     * Largest accepted distance of a coordinate from the box centre, in box lengths (1e6): unwrapped
     * coordinates of long runs stay far below it, while wrapping a value this far costs at most
     * ~1e6 · 2.2e-16 ≈ 2e-10 box lengths of round-off and keeps image counts well inside int range.
     */
    static final double MAX_BOX_LENGTHS = 1e6;

    /**
     * Refuses a coordinate {@code x} (σ) more than {@link #MAX_BOX_LENGTHS} box lengths from the centre
     * of the box axis {@code [lo, lo + len)} (NaN included): beyond that, wrapping loses precision and
     * image counts approach the int range, so such a value is a corrupt file, not a far-travelled atom.
     * The message reads "NOUN x[ in column 'COLUMN'] is more than … box lengths from the box".
     *
     * @param column the column name, or null when the format has none to name
     */
    void requireNearBox(double x, double lo, double len, String noun, String column) {
        if (!(Math.abs(x - (lo + 0.5 * len)) <= MAX_BOX_LENGTHS * len)) {
            throw error(noun + " " + x + (column == null ? "" : " in column '" + column + "'") + " is more than "
                    + (long) MAX_BOX_LENGTHS + " box lengths from the box, expected a position near the box");
        }
    }

    /** Shortens a found text for a one-line message (non-printables escaped: {@link InputFormatException#quote}). */
    static String abbreviate(String s) {
        return InputFormatException.quote(s);
    }

    @Override
    public void close() throws IOException { reader.close(); }
}
