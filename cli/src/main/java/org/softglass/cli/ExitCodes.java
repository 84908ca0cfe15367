package org.softglass.cli;

/**
 * The exit codes of {@code softglass}: one policy, applied in one place ({@link Errors}). Core exceptions say which
 * code they mean by their {@link org.softglass.core.util.SoftglassException.Kind kind} ({@code FAILED} 1, {@code USAGE}
 * 2, {@code INPUT} 3, {@code ENVIRONMENT} 5); a bare {@link IllegalArgumentException} is usage (2), a bare
 * {@link IllegalStateException} or {@link ArithmeticException} a failed computation (1).
 *
 * <table>
 * <caption>exit codes</caption>
 * <tr><td>0</td><td>success</td></tr>
 * <tr><td>1</td><td>a computation refused its data or failed (a fit that does not converge or is not determined, an
 * unstable run, too few events, a non-finite result, a matrix that is not positive definite): kind {@code FAILED}</td></tr>
 * <tr><td>2</td><td>usage: an unknown option, a bad option value, a size too large for memory: kind {@code USAGE}</td></tr>
 * <tr><td>3</td><td>input: a missing, unreadable, malformed or mismatched input file: kind {@code INPUT}</td></tr>
 * <tr><td>5</td><td>output or environment: the output location cannot be written (permission, full disk, in use by
 * another process), a native library cannot be loaded, the JVM ran out of memory: kind {@code ENVIRONMENT}</td></tr>
 * <tr><td>70</td><td>a bug: an unexpected exception</td></tr>
 * </table>
 */
public final class ExitCodes {
    private ExitCodes() {}
    public static final int OK = 0;
    /** A computation refused its data or failed (e.g. an unstable run, a fit that did not converge). */
    public static final int FAILED = 1;
    /** Bad usage: unknown option, bad parameter value. */
    public static final int USAGE = 2;
    /** Bad input data: a missing, unreadable or malformed file. */
    public static final int INPUT = 3;
    /** Output or environment: the output cannot be written, is locked, a native library or memory is missing. */
    public static final int OUTPUT = 5;
    /** A native library (OpenBLAS) could not be loaded: an environment failure, {@link #OUTPUT}'s code. */
    public static final int NATIVE = OUTPUT;
    /** A bug: an unexpected exception. */
    public static final int INTERNAL = 70;
}
