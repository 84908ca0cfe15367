package org.softglass.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.softglass.core.util.MemoryBudget;

/**
 * Reader of numpy {@code .npy} files (format versions 1.0, 2.0, 3.0) holding 1-D or 2-D, C-order,
 * little-endian arrays of {@link NpyDType} ({@code <f4 <f8 <i4 <i8}); see {@link NpyWriter} for the
 * layout. The header is validated when the file is opened: magic bytes, version, dtype,
 * {@code fortran_order} and shape, and the file length must equal header plus data. Each problem is
 * an {@link InputFormatException} naming the file. Data can be streamed row by row
 * ({@link #readRow(double[])}) or loaded at once ({@link #read(Path)}).
 */
public final class NpyReader implements AutoCloseable {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final String source;
    private final FileChannel ch;
    private final NpyDType dtype;
    private final long[] shape;
    private final long total;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long consumed;

    private NpyReader(Path file) throws IOException {
        this.source = file.getFileName().toString();
        this.ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            int got = readFully(pre.limit(10), 10);
            byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
            for (int i = 0; i < 6; i++) {
                if (i >= got || pre.get(i) != magic[i]) {
                    throw error("expected magic bytes \\x93NUMPY at the start, found " + hex(pre, Math.min(got, 6)));
                }
            }
            if (got < 10) throw error("truncated header: file has only " + got + " bytes, expected at least 10");
            int major = pre.get(6) & 0xff, minor = pre.get(7) & 0xff;
            long headerLen;
            int prefix;
            if (major == 1 && minor == 0) {
                headerLen = pre.getShort(8) & 0xffff;
                prefix = 10;
            } else if ((major == 2 || major == 3) && minor == 0) {
                if (readFully(pre.limit(12).position(10), 2) < 2) throw error("truncated header: no header length");
                headerLen = pre.getInt(8) & 0xffffffffL;
                prefix = 12;
            } else {
                throw error("unsupported .npy format version " + major + "." + minor + ", expected 1.0, 2.0 or 3.0");
            }
            if (headerLen > 1 << 20) throw error("header length " + headerLen + " is implausibly large");
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            if (readFully(hb, (int) headerLen) < headerLen) {
                throw error("truncated header: expected " + headerLen + " header bytes");
            }
            String header = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            this.dtype = parseDescr(header);
            this.shape = parseShape(header);
            long n = 1, expected;
            try {
                for (long s : shape) n = Math.multiplyExact(n, s);
                expected = Math.multiplyExact(n, dtype.bytes());
            } catch (ArithmeticException e) {
                throw error("shape " + shapeString(shape) + " of " + dtype.descr() + " overflows 2^63 bytes, expected the file's "
                        + (ch.size() - prefix - headerLen) + " data bytes");
            }
            this.total = n;
            long found = ch.size() - prefix - headerLen;
            if (found != expected) {
                throw error((found < expected ? "truncated data" : "trailing bytes") + ": expected " + expected
                        + " data bytes for " + dtype.descr() + " shape " + shapeString(shape) + ", found " + found);
            }
            ch.position(prefix + headerLen);
            buf.limit(0);
        } catch (ArithmeticException e) { // Math.multiplyExact: the shape's element or byte count overflows a long
            ch.close();
            throw error("shape too large: its size overflows 64 bits, expected an array that fits in a file");
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Opens a file and validates its header and length. */
    public static NpyReader open(Path file) throws IOException {
        return new NpyReader(file);
    }

    /** Reads a whole array into memory (at most 2^31 - 1 elements). */
    public static NpyArray read(Path file) throws IOException {
        try (NpyReader r = open(file)) {
            if (r.total > Integer.MAX_VALUE - 8) throw r.error("array of " + r.total + " elements is too large to load; stream it");
            long need = MemoryBudget.times(r.total, r.dtype.bytes());
            if (!MemoryBudget.fits(need)) throw r.error(MemoryBudget.describe(need, "array of shape " + shapeString(r.shape)));
            int n = (int) r.total;
            Object data = switch (r.dtype) {
                case FLOAT64 -> { double[] d = new double[n]; for (int i = 0; i < n; i++) d[i] = r.next().getDouble(); yield d; }
                case FLOAT32 -> { float[] d = new float[n]; for (int i = 0; i < n; i++) d[i] = r.next().getFloat(); yield d; }
                case INT32 -> { int[] d = new int[n]; for (int i = 0; i < n; i++) d[i] = r.next().getInt(); yield d; }
                case INT64 -> { long[] d = new long[n]; for (int i = 0; i < n; i++) d[i] = r.next().getLong(); yield d; }
            };
            r.consumed = n;
            return new NpyArray(r.dtype, r.shape.clone(), data);
        }
    }

    public NpyDType dtype() { return dtype; }
    /** The shape: {@code {n}} or {@code {rows, columns}}. */
    public long[] shape() { return shape.clone(); }
    /** Number of elements. */
    public long size() { return total; }

    /**
     * Reads the next {@code row.length} elements (a row of a 2-D array needs {@code shape[1]}),
     * converted to double.
     *
     * @throws IllegalStateException if fewer elements remain
     */
    public void readRow(double[] row) throws IOException {
        if (shape.length == 2 && row.length != shape[1]) {
            throw new IllegalArgumentException("row buffer has " + row.length + " slots, expected " + shape[1]);
        }
        if (consumed + row.length > total) {
            throw new IllegalStateException("only " + (total - consumed) + " elements left, asked for " + row.length);
        }
        for (int i = 0; i < row.length; i++) {
            ByteBuffer b = next();
            row[i] = switch (dtype) {
                case FLOAT64 -> b.getDouble();
                case FLOAT32 -> b.getFloat();
                case INT32 -> b.getInt();
                case INT64 -> b.getLong();
            };
        }
        consumed += row.length;
    }

    /**
     * Reads the next {@code row.length} elements of an integer array (int32 or int64) exactly.
     *
     * @throws IllegalStateException if fewer elements remain or the array holds floats
     */
    public void readRow(long[] row) throws IOException {
        if (dtype != NpyDType.INT64 && dtype != NpyDType.INT32) throw new IllegalStateException(source + " holds " + dtype.descr() + ", not integers");
        if (shape.length == 2 && row.length != shape[1]) {
            throw new IllegalArgumentException("row buffer has " + row.length + " slots, expected " + shape[1]);
        }
        if (consumed + row.length > total) {
            throw new IllegalStateException("only " + (total - consumed) + " elements left, asked for " + row.length);
        }
        for (int i = 0; i < row.length; i++) row[i] = dtype == NpyDType.INT64 ? next().getLong() : next().getInt();
        consumed += row.length;
    }

    /** The buffer, refilled if needed so that one element can be read from it. */
    private ByteBuffer next() throws IOException {
        if (buf.remaining() < dtype.bytes()) {
            buf.compact();
            while (buf.position() < dtype.bytes()) {
                if (ch.read(buf) < 0) throw new EOFException(source + ": file shrank while reading");
            }
            buf.flip();
        }
        return buf;
    }

    private NpyDType parseDescr(String header) {
        Matcher m = DESCR.matcher(header);
        if (!m.find()) {
            if (header.contains("'descr': [")) throw error("unsupported structured dtype, expected one of <f4 <f8 <i4 <i8");
            throw error("header has no 'descr' entry: " + TextInput.abbreviate(header));
        }
        String d = m.group(1);
        NpyDType t = NpyDType.ofDescr(d);
        if (t == null) {
            if (d.startsWith(">")) throw error("big-endian dtype '" + InputFormatException.quote(d) + "' is not supported, expected little-endian <f4 <f8 <i4 <i8");
            throw error("unsupported dtype '" + InputFormatException.quote(d) + "', expected one of <f4 <f8 <i4 <i8");
        }
        Matcher f = FORTRAN.matcher(header);
        if (!f.find()) throw error("header has no 'fortran_order' entry: " + TextInput.abbreviate(header));
        if (f.group(1).equals("True")) throw error("fortran_order True is not supported, expected a C-order array (fortran_order False)");
        return t;
    }

    private long[] parseShape(String header) {
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) throw error("header has no 'shape' entry: " + TextInput.abbreviate(header));
        String inner = m.group(1).strip();
        String[] parts = inner.isEmpty() ? new String[0] : inner.split(",");
        int rank = parts.length;
        if (rank > 0 && parts[rank - 1].isBlank()) rank--;
        if (rank < 1 || rank > 2) throw error("expected a 1-D or 2-D shape, found (" + InputFormatException.quote(inner) + ")");
        long[] s = new long[rank];
        for (int i = 0; i < rank; i++) {
            try {
                s[i] = Long.parseLong(parts[i].strip().replace("L", ""));
            } catch (NumberFormatException e) {
                throw error("bad shape entry '" + InputFormatException.quote(parts[i]) + "' in (" + InputFormatException.quote(inner)
                        + "), expected non-negative integers");
            }
            if (s[i] < 0) throw error("negative extent " + s[i] + " in shape (" + InputFormatException.quote(inner) + ")");
        }
        return s;
    }

    private int readFully(ByteBuffer b, int want) throws IOException {
        int got = 0;
        while (got < want) {
            int r = ch.read(b);
            if (r < 0) break;
            got += r;
        }
        return got;
    }

    private InputFormatException error(String detail) {
        return new InputFormatException(source, -1, detail);
    }

    private static String hex(ByteBuffer b, int n) {
        if (n == 0) return "an empty file";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append(String.format("%02x ", b.get(i) & 0xff));
        return "bytes " + s.toString().strip();
    }

    static String shapeString(long[] shape) {
        return shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
    }

    @Override
    public void close() throws IOException { ch.close(); }
}
