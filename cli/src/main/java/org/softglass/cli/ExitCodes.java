package org.softglass.cli;

/** Named exit codes of {@code softglass}. */
public final class ExitCodes {
    private ExitCodes() {}
    public static final int OK = 0;
    /** A computation failed (e.g. an unstable run, a solver that did not converge). */
    public static final int FAILED = 1;
    /** Bad usage: unknown option, bad parameter value. */
    public static final int USAGE = 2;
    /** Bad input data: a missing, unreadable or malformed file. */
    public static final int INPUT = 3;
    /** A native library (OpenBLAS) could not be loaded. */
    public static final int NATIVE = 4;
    /** A bug: an unexpected exception. */
    public static final int INTERNAL = 70;
}
