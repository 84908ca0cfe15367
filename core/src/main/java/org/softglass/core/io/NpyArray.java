package org.softglass.core.io;

/**
 * An in-memory {@code .npy} array (1-D or 2-D, C order) as read by {@link NpyReader#read}. Exactly
 * one of the typed arrays is present, matching {@link #dtype()}; element {@code (r, c)} of a 2-D
 * array is at flat index {@code r * columns + c}.
 */
public final class NpyArray {
    private final NpyDType dtype;
    private final long[] shape;
    private final Object data;

    NpyArray(NpyDType dtype, long[] shape, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    public NpyDType dtype() { return dtype; }
    /** The shape: {@code {n}} or {@code {rows, columns}}. */
    public long[] shape() { return shape.clone(); }
    public int rank() { return shape.length; }
    /** Number of elements. */
    public int size() { return java.lang.reflect.Array.getLength(data); }
    /** Rows: {@code shape[0]}. */
    public int rows() { return (int) shape[0]; }
    /** Columns: {@code shape[1]} for 2-D, 1 for 1-D. */
    public int columns() { return shape.length == 2 ? (int) shape[1] : 1; }

    /** The data of a {@code <f8} array (not a copy). */
    public double[] doubles() { return typed(double[].class, NpyDType.FLOAT64); }
    /** The data of a {@code <f4} array (not a copy). */
    public float[] floats() { return typed(float[].class, NpyDType.FLOAT32); }
    /** The data of a {@code <i4} array (not a copy). */
    public int[] ints() { return typed(int[].class, NpyDType.INT32); }
    /** The data of a {@code <i8} array (not a copy). */
    public long[] longs() { return typed(long[].class, NpyDType.INT64); }

    private <T> T typed(Class<T> c, NpyDType want) {
        if (dtype != want) throw new IllegalStateException("array has dtype " + dtype.descr() + ", not " + want.descr());
        return c.cast(data);
    }

    /** Element at a flat index, converted to double (int64 beyond 2^53 loses precision). */
    public double getDouble(int flat) {
        return switch (dtype) {
            case FLOAT64 -> ((double[]) data)[flat];
            case FLOAT32 -> ((float[]) data)[flat];
            case INT32 -> ((int[]) data)[flat];
            case INT64 -> ((long[]) data)[flat];
        };
    }

    /** Element {@code (row, column)} of a 2-D array, converted to double. */
    public double get(int row, int column) {
        if (shape.length != 2) throw new IllegalStateException("get(row, column) needs a 2-D array");
        if (column < 0 || column >= shape[1]) throw new IndexOutOfBoundsException("column " + column);
        return getDouble(Math.multiplyExact(row, (int) shape[1]) + column);
    }

    /** All elements converted to a new double array. */
    public double[] toDoubleArray() {
        double[] r = new double[size()];
        for (int i = 0; i < r.length; i++) r[i] = getDouble(i);
        return r;
    }
}
