package org.softglass.nativebridge;

/**
 * Which triangle of a symmetric or triangular matrix is referenced (LAPACK's {@code uplo}); the
 * other triangle is neither read nor written.
 */
public enum Triangle {
    /** The upper triangle, {@code a(i, j)} with {@code i <= j} ({@code 'U'}). */
    UPPER(121, 'U'),
    /** The lower triangle, {@code a(i, j)} with {@code i >= j} ({@code 'L'}). */
    LOWER(122, 'L');

    /** The CBLAS enum value ({@code CblasUpper = 121}, {@code CblasLower = 122}). */
    final int cblas;
    /** The LAPACK character. */
    final byte lapack;

    Triangle(int cblas, char lapack) {
        this.cblas = cblas;
        this.lapack = (byte) lapack;
    }
}
