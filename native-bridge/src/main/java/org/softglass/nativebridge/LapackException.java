package org.softglass.nativebridge;

/**
 * Thrown when a LAPACK routine returns {@code info != 0}.
 *
 * <p>The message names the routine and the meaning of {@code info}, e.g.
 * {@code "dpotrf: the leading minor of order 3 is not positive definite"}. Negative values follow the
 * LAPACKE convention: {@code -i} means argument {@code i} of the LAPACKE call (counting the layout as
 * argument 1) had an illegal value; LAPACKE also reports NaN entries of an input matrix this way.
 */
public final class LapackException extends RuntimeException {
    /** The routine that failed. */
    private final String routine;
    /** The LAPACKE {@code info} value. */
    private final int info;

    /**
     * Creates the exception.
     *
     * @param routine the LAPACK routine, e.g. {@code "dpotrf"}
     * @param info    the {@code info} value it returned (non-zero)
     * @param message one-line message naming the routine and the meaning of {@code info}
     */
    public LapackException(String routine, int info, String message) {
        super(message);
        this.routine = routine;
        this.info = info;
    }

    /**
     * Returns the LAPACK routine that failed.
     *
     * @return the routine name, e.g. {@code "dpotrf"}
     */
    public String routine() {
        return routine;
    }

    /**
     * Returns the raw {@code info} value returned by LAPACKE.
     *
     * @return {@code info}, non-zero: {@code > 0} a numerical failure, {@code < 0} an illegal argument
     */
    public int info() {
        return info;
    }
}
