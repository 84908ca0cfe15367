package org.softglass.nativebridge;

/** On which side a triangular matrix multiplies the unknown in {@link Blas#dtrsm}. */
public enum Side {
    /** Solve {@code op(A) X = alpha B}. */
    LEFT(141),
    /** Solve {@code X op(A) = alpha B}. */
    RIGHT(142);

    /** The CBLAS enum value ({@code CblasLeft = 141}, {@code CblasRight = 142}). */
    final int cblas;

    Side(int cblas) {
        this.cblas = cblas;
    }
}
