package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NpyTest {
    @TempDir Path dir;

    @Test
    void headerIsVersion1PaddedTo64BytesWithNewline() {
        for (long[] shape : new long[][] {{0}, {7}, {1000, 3}, {123456789012L, 266}}) {
            for (NpyDType t : NpyDType.values()) {
                byte[] h = NpyWriter.header(t, shape);
                assertEquals(0, h.length % 64);
                assertEquals((byte) 0x93, h[0]);
                assertEquals("NUMPY", new String(h, 1, 5, StandardCharsets.US_ASCII));
                assertEquals(1, h[6]);
                assertEquals(0, h[7]);
                int len = ByteBuffer.wrap(h, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
                assertEquals(h.length - 10, len);
                assertEquals('\n', h[h.length - 1]);
            }
        }
        String h1 = new String(NpyWriter.header(NpyDType.FLOAT64, new long[] {7}), StandardCharsets.ISO_8859_1);
        assertTrue(h1.contains("{'descr': '<f8', 'fortran_order': False, 'shape': (7,), }"), h1);
        String h2 = new String(NpyWriter.header(NpyDType.FLOAT32, new long[] {3, 4}), StandardCharsets.ISO_8859_1);
        assertTrue(h2.contains("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }"), h2);
        assertEquals(128, h2.length()); // 10 + 59-char dict + newline = 70, padded to 128
    }

    @Test
    void float64And32OneAndTwoDimensionalRoundTrips() throws IOException {
        Random r = new Random(7);
        double[] v = r.doubles(101).map(x -> (x - 0.5) * 1e3).toArray();
        v[0] = Double.MIN_VALUE;
        v[1] = Double.NaN;
        v[2] = -0.0;
        Path p8 = dir.resolve("a8.npy"), p4 = dir.resolve("a4.npy");
        NpyWriter.write(p8, NpyDType.FLOAT64, v);
        NpyWriter.write(p4, NpyDType.FLOAT32, v);
        NpyArray a8 = NpyReader.read(p8), a4 = NpyReader.read(p4);
        assertArrayEquals(v, a8.doubles());
        assertArrayEquals(new long[] {101}, a8.shape());
        float[] f = a4.floats();
        for (int i = 0; i < v.length; i++) assertEquals((float) v[i], f[i]);
        assertEquals(10 + 118 + 101 * 8, Files.size(p8));

        double[][] m = new double[13][5];
        for (double[] row : m) for (int j = 0; j < 5; j++) row[j] = r.nextGaussian();
        Path m8 = dir.resolve("m8.npy"), m4 = dir.resolve("m4.npy");
        NpyWriter.write(m8, NpyDType.FLOAT64, m);
        NpyWriter.write(m4, NpyDType.FLOAT32, m);
        NpyArray b8 = NpyReader.read(m8), b4 = NpyReader.read(m4);
        assertArrayEquals(new long[] {13, 5}, b8.shape());
        assertEquals(13, b4.rows());
        assertEquals(5, b4.columns());
        for (int i = 0; i < 13; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(m[i][j], b8.get(i, j));
                assertEquals((float) m[i][j], (float) b4.get(i, j));
            }
        }
    }

    @Test
    void integerRoundTrips() throws IOException {
        int[] ints = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
        long[] longs = {0, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40};
        Path i4 = dir.resolve("i4.npy"), i8 = dir.resolve("i8.npy"), i48 = dir.resolve("i48.npy");
        NpyWriter.write(i4, NpyDType.INT32, ints);
        NpyWriter.write(i8, NpyDType.INT64, longs);
        NpyWriter.write(i48, NpyDType.INT64, ints);
        assertArrayEquals(ints, NpyReader.read(i4).ints());
        assertArrayEquals(longs, NpyReader.read(i8).longs());
        assertArrayEquals(Arrays.stream(ints).asLongStream().toArray(), NpyReader.read(i48).longs());
        assertThrows(IllegalStateException.class, () -> NpyReader.read(i4).doubles());
    }

    @ParameterizedTest
    @EnumSource(value = NpyDType.class, names = {"FLOAT32", "FLOAT64"})
    void streamingRowsWriteAndRead(NpyDType t) throws IOException {
        int rows = 20_000, cols = 7;
        Path p = dir.resolve("big.npy");
        double[] row = new double[cols];
        try (NpyWriter w = NpyWriter.open(p, t, rows, cols)) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) row[j] = i * 0.5 + j;
                w.writeRow(row);
            }
        }
        assertEquals(NpyWriter.header(t, new long[] {rows, cols}).length + (long) rows * cols * t.bytes(), Files.size(p));
        try (NpyReader r = NpyReader.open(p)) {
            assertEquals(t, r.dtype());
            assertArrayEquals(new long[] {rows, cols}, r.shape());
            for (int i = 0; i < rows; i++) {
                r.readRow(row);
                for (int j = 0; j < cols; j++) assertEquals(i * 0.5 + j, row[j]);
            }
            assertThrows(IllegalStateException.class, () -> r.readRow(new double[cols]));
        }
    }

    @Test
    void incompleteOrInvalidWritesLeaveNoFile() throws IOException {
        Path p = dir.resolve("short.npy");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (NpyWriter w = NpyWriter.open(p, NpyDType.FLOAT64, 3, 2)) {
                w.writeRow(new double[] {1, 2});
            }
        });
        assertTrue(e.getMessage().contains("only 2 of 6 elements"), e.getMessage());
        assertFalse(Files.exists(p));
        assertThrows(IllegalArgumentException.class, () -> {
            try (NpyWriter w = NpyWriter.open(p, NpyDType.FLOAT64, 3, 2)) {
                w.writeRow(new double[] {1, 2, 3});
            }
        });
        assertThrows(IllegalArgumentException.class, () -> {
            try (NpyWriter w = NpyWriter.open(p, NpyDType.INT32, 1)) {
                w.write(new long[] {1L << 40}, 0, 1);
            }
        });
        assertThrows(IllegalArgumentException.class, () -> NpyWriter.write(p, NpyDType.INT32, new double[] {1}));
        assertFalse(Files.exists(p));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "no temporary files left");
        }
    }

    // --- malformed files ---

    private static byte[] npy(String magic, int major, String dict, int dataBytes) {
        byte[] d = dict.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + d.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put(magic.getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        b.putShort((short) d.length).put(d);
        return b.array();
    }

    /** The header dictionary of a .npy file, as numpy writes it: {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2,), }} and a newline. */
    private static String dict(String descr, boolean fortranOrder, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False") + ", 'shape': " + shape + ", }\n";
    }

    private void expectError(byte[] content, String fragment) throws IOException {
        Path p = dir.resolve("bad.npy");
        Files.write(p, content);
        InputFormatException e = assertThrows(InputFormatException.class, () -> NpyReader.read(p));
        assertTrue(e.getMessage().startsWith("bad.npy: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void validHandMadeFileReads() throws IOException {
        Path p = dir.resolve("ok.npy");
        byte[] b = npy("NUMPY", 1, dict("<f8", false, "(2,)"), 16);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putDouble(b.length - 16, 1.5).putDouble(b.length - 8, -2);
        Files.write(p, b);
        assertArrayEquals(new double[] {1.5, -2}, NpyReader.read(p).doubles());
    }

    @Test
    void malformedFilesAreRejectedClearly() throws IOException {
        expectError("hello world".getBytes(StandardCharsets.US_ASCII), "expected magic bytes \\x93NUMPY");
        expectError(new byte[0], "an empty file");
        expectError(npy("NUMPX", 1, "{}\n", 0), "expected magic bytes");
        expectError(npy("NUMPY", 9, dict("<f8", false, "(2,)"), 16),
                "unsupported .npy format version 9.0");
        expectError(npy("NUMPY", 1, dict(">f8", false, "(2,)"), 16),
                "big-endian dtype '>f8' is not supported");
        expectError(npy("NUMPY", 1, dict("<c16", false, "(2,)"), 32),
                "unsupported dtype '<c16'");
        expectError(npy("NUMPY", 1, dict("<f8", true, "(2, 2)"), 32),
                "fortran_order True is not supported");
        expectError(npy("NUMPY", 1, dict("<f8", false, "(2, 2, 2)"), 64),
                "expected a 1-D or 2-D shape, found (2, 2, 2)");
        expectError(npy("NUMPY", 1, dict("<f8", false, "()"), 8),
                "expected a 1-D or 2-D shape");
        expectError(npy("NUMPY", 1, dict("<f4", false, "(3, 2)"), 20),
                "truncated data: expected 24 data bytes for <f4 shape (3, 2), found 20");
        expectError(npy("NUMPY", 1, dict("<i8", false, "(1,)"), 9),
                "trailing bytes");
        expectError(npy("NUMPY", 1, "{'fortran_order': False, 'shape': (1,), }\n", 8), "no 'descr'");
    }
}
