package org.softglass.core.io;

/**
 * A malformed input file. The message is one line, {@code FILE:LINE: what was found, what was
 * expected}, e.g. {@code traj.dump:1234: expected 6 columns (id type x y z ix), found 4}, so a
 * command-line tool can print {@link #getMessage()} alone. For binary files ({@code .npy}) there is
 * no line and the message is {@code FILE: ...}.
 *
 * <p>The message never holds raw input bytes: control and other non-printable characters (in the
 * source name, in the detail, and so in any text a parser quotes from its input) are written as
 * {@code \xNN} / {@code \\uNNNN} escapes, and a detail longer than {@value #MAX_DETAIL} characters is
 * cut. Parsers quote found text with {@link #quote(String)}.
 *
 * <p>Unchecked: a format error is a property of the data, not a recoverable I/O condition. Genuine
 * I/O failures (missing file, disk error) are reported as {@link java.io.IOException}.
 */
public final class InputFormatException extends RuntimeException implements org.softglass.core.util.SoftglassException {
    private static final long serialVersionUID = 1L;
    /** The longest detail kept in the message. */
    static final int MAX_DETAIL = 500;
    /** The longest quoted text ({@link #quote(String)}). */
    static final int MAX_QUOTE = 60;

    private final String source;
    private final long line;
    private final String detail;
    /** The message with {@link org.softglass.core.util.ParameterText} tokens, or null when it names no parameter. */
    private String template;

    /**
     * @param source file name (or other stream name) as it should appear in the message
     * @param line 1-based line number, or {@code -1} when not applicable
     * @param detail what was found and what was expected
     */
    public InputFormatException(String source, long line, String detail) {
        super(format(source, line, detail));
        this.source = source;
        this.line = line;
        this.detail = printable(detail, MAX_DETAIL);
    }

    /** Same, with a cause (e.g. the {@link NumberFormatException} of a bad number). */
    public InputFormatException(String source, long line, String detail, Throwable cause) {
        super(format(source, line, detail), cause);
        this.source = source;
        this.line = line;
        this.detail = printable(detail, MAX_DETAIL);
    }

    /**
     * An input that does not fit a parameter of the call: {@code detail} names the parameter by its token
     * ({@code "no frames in {frames} 7:9 (the file has 5)"}); the message has the bare name, {@link #template()} the
     * token for a front end to render ({@link org.softglass.core.util.ParameterText}).
     */
    public static InputFormatException naming(String source, long line, String detail) {
        InputFormatException e = new InputFormatException(source, line, org.softglass.core.util.ParameterText.plain(detail));
        e.template = format(source, line, detail);
        return e;
    }

    /** The message with its parameter tokens ({@link #naming}), or null when it names no parameter. */
    public String template() { return template; }

    /** {@link Kind#INPUT}: a malformed input file. */
    @Override
    public Kind kind() { return Kind.INPUT; }

    private static String format(String source, long line, String detail) {
        String src = printable(source, Integer.MAX_VALUE), d = printable(detail, MAX_DETAIL);
        return line >= 0 ? src + ":" + line + ": " + d : src + ": " + d;
    }

    /**
     * Text found in an input, made fit for a one-line message: stripped, non-printable characters
     * escaped ({@code \x00}, {@code \\u200b}), and cut to about 60 characters with {@code ...}.
     */
    public static String quote(String found) {
        return found == null ? "null" : printable(found.strip(), MAX_QUOTE);
    }

    /** {@code s} with non-printable characters escaped, cut (with "...") past {@code max} characters. */
    private static String printable(String s, int max) {
        if (s == null) return "null";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = !isNonPrintable(c);
            if (b == null) {
                if (ok && i < max) continue;
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b.length() >= max) {
                b.setLength(Math.max(0, max - 3));
                return b.append("...").toString();
            }
            if (ok) b.append(c);
            else if (c < 0x100) b.append(String.format("\\x%02x", (int) c));
            else b.append(String.format("\\u%04x", (int) c));
        }
        return b == null ? s : b.toString();
    }

    private static boolean isNonPrintable(char c) {
        if (c >= 0x20 && c < 0x7f) return false;
        int t = Character.getType(c);
        return Character.isISOControl(c) || t == Character.FORMAT || t == Character.SURROGATE || t == Character.UNASSIGNED
                || t == Character.PRIVATE_USE || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }

    /** The file or stream name. */
    public String source() { return source; }

    /** The 1-based line number, or {@code -1} for binary formats. */
    public long line() { return line; }

    /** The message without the {@code FILE:LINE: } prefix. */
    public String detail() { return detail; }
}
