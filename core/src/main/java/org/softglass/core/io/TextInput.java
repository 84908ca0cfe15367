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

    TextInput(InputStream in, String source) throws IOException {
        this.source = source;
        InputStream body;
        try {
            body = maybeGunzip(in);
        } catch (java.util.zip.ZipException | java.io.EOFException e) { // gzip magic bytes, then a corrupt or truncated gzip header
            throw error(1, "truncated or corrupt gzip data (" + e.getMessage() + "); expected a complete .gz file", e);
        }
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.ISO_8859_1), 1 << 16);
    }

    static TextInput open(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new java.nio.file.FileSystemException(file.toString(), null, "Is a directory");
        InputStream in = Files.newInputStream(file);
        try {
            return new TextInput(in, file.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Wraps {@code in} in a gzip decoder if it starts with the gzip magic bytes. */
    static InputStream maybeGunzip(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int m0 = b.read(), m1 = b.read();
        b.reset();
        return m0 == 0x1f && m1 == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
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

    /** Shortens a found text for a one-line message (non-printables escaped: {@link InputFormatException#quote}). */
    static String abbreviate(String s) {
        return InputFormatException.quote(s);
    }

    @Override
    public void close() throws IOException { reader.close(); }
}
