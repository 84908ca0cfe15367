package org.softglass.nativebridge;

/**
 * Thrown when the OpenBLAS/LAPACK natives cannot be loaded or a required symbol is missing.
 *
 * <p>The message is one line and names what is missing (a jar, the platform, a symbol), so a CLI can
 * print it as is; the original {@link LinkageError} or other cause, if any, is kept as the cause.
 */
public final class NativeLibraryException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message one-line description naming what is missing
     * @param cause   the underlying error (may be {@code null})
     */
    public NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
