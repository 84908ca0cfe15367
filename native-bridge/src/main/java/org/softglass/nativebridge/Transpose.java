package org.softglass.nativebridge;

/** Whether a BLAS routine uses a matrix as stored ({@code op(A) = A}) or transposed ({@code op(A) = Aᵀ}). */
public enum Transpose {
    /** {@code op(A) = A}. */
    NO_TRANSPOSE(111),
    /** {@code op(A) = Aᵀ}. */
    TRANSPOSE(112);

    /** The CBLAS enum value ({@code CblasNoTrans = 111}, {@code CblasTrans = 112}). */
    final int cblas;

    Transpose(int cblas) {
        this.cblas = cblas;
    }
}
