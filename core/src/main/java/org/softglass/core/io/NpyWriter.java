package org.softglass.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Streaming writer of numpy {@code .npy} files (format version 1.0), 1-D or 2-D, C order,
 * little-endian, element types {@link NpyDType}.
 *
 * <p>Layout: the magic {@code \x93NUMPY}, version bytes {@code 1 0}, a little-endian uint16 header
 * length, then the ASCII header {@code {'descr': '<f8', 'fortran_order': False, 'shape': (R, C), }}
 * padded with spaces and ended by {@code '\n'} so that the data start at a multiple of 64 bytes, then
 * the R·C elements row after row. Rows can be written one at a time ({@link #writeRow(double[])}),
 * so an N×M array never has to be held in memory.
 *
 * <p>The file is written atomically ({@link AtomicOutput}): it appears on {@link #close()} only if
 * exactly the declared number of elements was written; otherwise (or after {@link #abort()} or a
 * failed write) nothing appears and {@code close()} reports the shortfall.
 *
 * <p>Floating data ({@code double[]}, {@code float[]}) may be written to float types only (doubles
 * are rounded to float32 for {@link NpyDType#FLOAT32}); integer data ({@code int[]}, {@code long[]})
 * to integer types only (a long outside the int32 range is an error).
 */
public final class NpyWriter implements AutoCloseable {
    private final AtomicOutput atomic;
    private final OutputStream out;
    private final NpyDType dtype;
    private final long[] shape;
    private final long total;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long written;
    private boolean closed;

    private NpyWriter(AtomicOutput atomic, NpyDType dtype, long[] shape, long total) {
        this.atomic = atomic;
        this.out = atomic.stream();
        this.dtype = dtype;
        this.shape = shape;
        this.total = total;
    }

    /**
     * Opens {@code file} for an array of the given shape ({@code n} for 1-D, {@code rows, cols} for 2-D).
     *
     * @throws IllegalArgumentException for a rank other than 1 or 2 or a negative extent
     */
    public static NpyWriter open(Path file, NpyDType dtype, long... shape) throws IOException {
        if (shape.length < 1 || shape.length > 2) {
            throw new IllegalArgumentException("shape must be 1-D or 2-D, got rank " + shape.length);
        }
        long total = 1;
        for (long s : shape) {
            if (s < 0) throw new IllegalArgumentException("negative extent in shape: " + s);
            total = Math.multiplyExact(total, s);
        }
        AtomicOutput a = AtomicOutput.open(file);
        NpyWriter w = new NpyWriter(a, dtype, shape.clone(), total);
        try {
            a.stream().write(header(dtype, shape));
        } catch (IOException | RuntimeException e) {
            a.abort();
            throw e;
        }
        return w;
    }

    /** The complete header (magic to newline) for a version 1.0 file; its length is a multiple of 64. */
    static byte[] header(NpyDType dtype, long[] shape) {
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sh.append(", ");
            sh.append(shape[i]);
        }
        if (shape.length == 1) sh.append(',');
        sh.append(')');
        StringBuilder d = new StringBuilder("{'descr': '").append(dtype.descr())
                .append("', 'fortran_order': False, 'shape': ").append(sh).append(", }");
        int pre = 10; // magic(6) + version(2) + header length(2)
        int len = d.length() + 1;
        int padded = (pre + len + 63) / 64 * 64;
        while (d.length() + 1 + pre < padded) d.append(' ');
        d.append('\n');
        byte[] dict = d.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(pre + dict.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) dict.length).put(dict);
        return b.array();
    }

    public NpyDType dtype() { return dtype; }
    public long[] shape() { return shape.clone(); }
    /** Elements written so far. */
    public long written() { return written; }

    /** Appends one row (length = columns for 2-D; any length for 1-D). */
    public void writeRow(double[] row) throws IOException {
        checkRow(row.length);
        write(row, 0, row.length);
    }

    /** Appends one row (length = columns for 2-D; any length for 1-D). */
    public void writeRow(float[] row) throws IOException {
        checkRow(row.length);
        write(row, 0, row.length);
    }

    /** Appends one row (length = columns for 2-D; any length for 1-D). */
    public void writeRow(int[] row) throws IOException {
        checkRow(row.length);
        write(row, 0, row.length);
    }

    /** Appends one row (length = columns for 2-D; any length for 1-D). */
    public void writeRow(long[] row) throws IOException {
        checkRow(row.length);
        write(row, 0, row.length);
    }

    private void checkRow(int len) {
        if (shape.length == 2 && len != shape[1]) {
            fail(new IllegalArgumentException("row has " + len + " values, expected " + shape[1]));
        }
    }

    /** Appends {@code len} elements in C order. */
    public void write(double[] v, int off, int len) throws IOException {
        if (dtype == NpyDType.FLOAT64) append(off, len, true, i -> buf.putDouble(v[i]));
        else append(off, len, true, i -> buf.putFloat((float) v[i]));
    }

    /** Appends {@code len} elements in C order. */
    public void write(float[] v, int off, int len) throws IOException {
        if (dtype == NpyDType.FLOAT64) append(off, len, true, i -> buf.putDouble(v[i]));
        else append(off, len, true, i -> buf.putFloat(v[i]));
    }

    /** Appends {@code len} elements in C order. */
    public void write(int[] v, int off, int len) throws IOException {
        if (dtype == NpyDType.INT64) append(off, len, false, i -> buf.putLong(v[i]));
        else append(off, len, false, i -> buf.putInt(v[i]));
    }

    /** Appends {@code len} elements in C order. */
    public void write(long[] v, int off, int len) throws IOException {
        if (dtype == NpyDType.INT64) {
            append(off, len, false, i -> buf.putLong(v[i]));
        } else {
            append(off, len, false, i -> {
                if (v[i] != (int) v[i]) throw new IllegalArgumentException("value " + v[i] + " does not fit int32");
                buf.putInt((int) v[i]);
            });
        }
    }

    /** Puts element {@code i} of the caller's array into {@link #buf}, which has room for 8 bytes. */
    @FunctionalInterface
    private interface Put {
        void element(int i);
    }

    /**
     * Puts elements {@code off .. off+len-1} by {@code put}, flushing the buffer as it fills, and counts them as
     * written; on a failure the writer is aborted (the file discarded) and the failure rethrown.
     */
    private void append(int off, int len, boolean floating, Put put) throws IOException {
        begin(len, floating);
        try {
            for (int i = off; i < off + len; i++) {
                room();
                put.element(i);
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
        written += len;
    }

    private void begin(int len, boolean floating) {
        if (closed) throw new IllegalStateException("writer is closed");
        if (floating != dtype.isFloating()) {
            fail(new IllegalArgumentException((floating ? "floating" : "integer") + " data cannot be written as " + dtype.descr()));
        }
        if (written + len > total) {
            fail(new IllegalArgumentException("too many elements: " + (written + len) + " > " + total + " for shape " + shapeString()));
        }
    }

    private void room() throws IOException {
        if (buf.remaining() < 8) flushBuffer();
    }

    private void flushBuffer() throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    private void fail(RuntimeException e) {
        abort();
        throw e;
    }

    private String shapeString() {
        return shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
    }

    /** Discards the file: nothing appears. Idempotent. */
    public void abort() {
        closed = true;
        atomic.abort();
    }

    /**
     * Commits the file if all elements were written.
     *
     * @throws IllegalStateException if fewer elements than the shape needs were written (the output
     *     is discarded)
     */
    @Override
    public void close() throws IOException {
        if (atomic.isDone()) return;
        closed = true;
        if (written != total) {
            atomic.abort();
            throw new IllegalStateException("only " + written + " of " + total + " elements written for shape "
                    + shapeString() + "; " + atomic.target().getFileName() + " was not written");
        }
        try {
            flushBuffer();
        } catch (IOException | RuntimeException e) {
            atomic.abort();
            throw e;
        }
        atomic.commit();
    }

    // --- one-call helpers ---

    /** Writes a 1-D array. */
    public static void write(Path file, NpyDType dtype, double[] data) throws IOException {
        try (NpyWriter w = open(file, dtype, data.length)) {
            w.write(data, 0, data.length);
        }
    }

    /** Writes a 2-D array from rows of equal length (at least one row). */
    public static void write(Path file, NpyDType dtype, double[][] rows) throws IOException {
        if (rows.length == 0) throw new IllegalArgumentException("need at least one row to know the column count");
        try (NpyWriter w = open(file, dtype, rows.length, rows[0].length)) {
            for (double[] r : rows) w.writeRow(r);
        }
    }

    /** Writes a 1-D integer array. */
    public static void write(Path file, NpyDType dtype, int[] data) throws IOException {
        try (NpyWriter w = open(file, dtype, data.length)) {
            w.write(data, 0, data.length);
        }
    }

    /** Writes a 1-D integer array. */
    public static void write(Path file, NpyDType dtype, long[] data) throws IOException {
        try (NpyWriter w = open(file, dtype, data.length)) {
            w.write(data, 0, data.length);
        }
    }
}
