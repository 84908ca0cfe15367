package org.softglass.nativebridge;

/** Whether a triangular matrix has an implicit unit diagonal ({@link Blas#dtrsm}). */
public enum Diagonal {
    /** The diagonal is read from the matrix. */
    NON_UNIT(131),
    /** The diagonal is taken to be 1 and is not read. */
    UNIT(132);

    /** The CBLAS enum value ({@code CblasNonUnit = 131}, {@code CblasUnit = 132}). */
    final int cblas;

    Diagonal(int cblas) {
        this.cblas = cblas;
    }
}
