package org.softglass.core.io;

/**
 * A malformed input file. The message is one line, {@code FILE:LINE: what was found, what was
 * expected}, e.g. {@code traj.dump:1234: expected 6 columns (id type x y z ix), found 4}, so a
 * command-line tool can print {@link #getMessage()} alone. For binary files ({@code .npy}) there is
 * no line and the message is {@code FILE: ...}.
 *
 * <p>Unchecked: a format error is a property of the data, not a recoverable I/O condition. Genuine
 * I/O failures (missing file, disk error) are reported as {@link java.io.IOException}.
 */
public final class InputFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final long line;
    private final String detail;

    /**
     * @param source file name (or other stream name) as it should appear in the message
     * @param line 1-based line number, or {@code -1} when not applicable
     * @param detail what was found and what was expected
     */
    public InputFormatException(String source, long line, String detail) {
        super(format(source, line, detail));
        this.source = source;
        this.line = line;
        this.detail = detail;
    }

    /** Same, with a cause (e.g. the {@link NumberFormatException} of a bad number). */
    public InputFormatException(String source, long line, String detail, Throwable cause) {
        super(format(source, line, detail), cause);
        this.source = source;
        this.line = line;
        this.detail = detail;
    }

    private static String format(String source, long line, String detail) {
        return line >= 0 ? source + ":" + line + ": " + detail : source + ": " + detail;
    }

    /** The file or stream name. */
    public String source() { return source; }

    /** The 1-based line number, or {@code -1} for binary formats. */
    public long line() { return line; }

    /** The message without the {@code FILE:LINE: } prefix. */
    public String detail() { return detail; }
}
