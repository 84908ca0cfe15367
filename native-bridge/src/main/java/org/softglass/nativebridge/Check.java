package org.softglass.nativebridge;

import java.lang.foreign.MemorySegment;

/** Argument validation shared by {@link Blas} and {@link Lapack}; every message names the parameter. */
final class Check {
    private Check() {
    }

    /** A dimension: {@code n >= 0}. */
    static void dim(String name, int n) {
        if (n < 0) throw new IllegalArgumentException(name + " must be >= 0, got " + n);
    }

    /** A vector increment: {@code inc != 0}. */
    static void inc(String name, int inc) {
        if (inc == 0) throw new IllegalArgumentException(name + " must be non-zero");
    }

    /** A leading dimension: {@code ld >= max(1, rows)} (column-major). */
    static void ld(String name, int ld, int rows, String rowsName) {
        if (ld < Math.max(1, rows))
            throw new IllegalArgumentException(name + " must be >= max(1, " + rowsName + ") = "
                    + Math.max(1, rows) + ", got " + ld);
    }

    /** A native segment holding a vector of {@code n} doubles with stride {@code |inc|}. */
    static void vector(String name, MemorySegment seg, int n, int inc, boolean written) {
        long need = n == 0 ? 0 : 1 + (long) (n - 1) * Math.abs((long) inc);
        segment(name, seg, need, written);
    }

    /**
     * The arguments of a level-1 routine on two vectors x and y of n elements (ddot, daxpy): n ≥ 0, incx and incy
     * non-zero, each segment long enough for its stride, y writable if {@code yWritten}; checked in that order.
     */
    static void twoVectors(int n, MemorySegment x, int incx, MemorySegment y, int incy, boolean yWritten) {
        dim("n", n);
        inc("incx", incx);
        inc("incy", incy);
        vector("x", x, n, incx, false);
        vector("y", y, n, incy, yWritten);
    }

    /** A native segment holding a column-major {@code rows × cols} matrix with leading dimension {@code ld}. */
    static void matrix(String name, MemorySegment seg, int rows, int cols, int ld, boolean written) {
        long need = rows == 0 || cols == 0 ? 0 : (long) (cols - 1) * ld + rows;
        segment(name, seg, need, written);
    }

    /** A native segment of at least {@code doubles} doubles; writable if {@code written}. */
    static void segment(String name, MemorySegment seg, long doubles, boolean written) {
        if (seg == null) throw new IllegalArgumentException(name + " must not be null");
        if (!seg.isNative())
            throw new IllegalArgumentException(name + " must be a native (off-heap) segment; heap segments cannot be "
                    + "passed to OpenBLAS without copying (use the double[] overloads in DenseArrays)");
        if (written && seg.isReadOnly()) throw new IllegalArgumentException(name + " is overwritten but read-only");
        long bytes = doubles * Double.BYTES;
        if (seg.byteSize() < bytes)
            throw new IllegalArgumentException(name + " is too small: needs " + doubles + " doubles (" + bytes
                    + " bytes), has " + seg.byteSize() + " bytes");
    }
}
