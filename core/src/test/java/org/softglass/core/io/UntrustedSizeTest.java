package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 items 2 and 6: a size in a header is checked against the input's length and the memory
 * budget before anything is allocated from it, and values no computation can use (NaN, ±∞,
 * coordinates absurdly far from the box) are refused with file and line.
 */
class UntrustedSizeTest {
    @TempDir Path dir;

    private static String dump(String count, String rows) {
        return "ITEM: TIMESTEP\n7\nITEM: NUMBER OF ATOMS\n" + count + "\nITEM: BOX BOUNDS pp pp pp\n"
                + "0 10\n0 10\n0 10\nITEM: ATOMS id type x y z vx vy vz\n" + rows;
    }

    private static String rows(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) b.append(i).append(" 1 ").append(i % 10).append(" 1 2 0 0 0\n");
        return b.toString();
    }

    private InputFormatException readAll(Path f) {
        return assertThrows(InputFormatException.class, () -> {
            try (LammpsDumpReader r = LammpsDumpReader.open(f)) {
                for (Frame fr; (fr = r.next()) != null; ) fr.close();
            }
        });
    }

    @Test
    void hugeAtomCountInAPlainDumpIsRefusedFromTheFileSize() throws IOException {
        Path f = dir.resolve("big.dump");
        Files.writeString(f, dump("2000000000", rows(1000)));
        InputFormatException e = readAll(f);
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("atom count 2000000000 cannot fit in the file's"), e.getMessage());
    }

    @Test
    void hugeAtomCountInAGzipDumpIsRefusedFromTheCompressionBound() throws IOException {
        Path f = dir.resolve("big.dump.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write(dump("2000000000", rows(1000)).getBytes(StandardCharsets.US_ASCII));
        }
        InputFormatException e = readAll(f);
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("atom count 2000000000 cannot fit in at most"), e.getMessage());
    }

    @Test
    void hugeAtomCountInAStreamIsRefusedFromTheMemoryBudget() throws IOException {
        byte[] b = dump("2000000000", rows(10)).getBytes(StandardCharsets.US_ASCII);
        try (LammpsDumpReader r = new LammpsDumpReader(new ByteArrayInputStream(b), "stdin")) {
            InputFormatException e = assertThrows(InputFormatException.class, r::next);
            assertTrue(e.getMessage().startsWith("stdin:4: atom count 2000000000 needs "), e.getMessage());
            assertTrue(e.getMessage().contains("GiB this JVM can use"), e.getMessage());
        }
    }

    /** A stream whose count exceeds its rows (but fits in memory) fails at the end of the rows, after growing. */
    @Test
    void streamStoreGrowsAsRowsArrive() throws IOException {
        int n = LammpsDumpReader.FIRST_CAPACITY + 5;
        byte[] good = dump(String.valueOf(n), rows(n)).getBytes(StandardCharsets.US_ASCII);
        try (LammpsDumpReader r = new LammpsDumpReader(new ByteArrayInputStream(good), "s"); Frame f = r.next()) {
            assertEquals(n, f.size());
            assertEquals(n, f.particles().id(n - 1));
            assertEquals((n % 10), f.particles().x(n - 1), 0.0);
            assertEquals(2.0, f.particles().z(n - 1), 0.0);
        }
        byte[] bad = dump("50000000", rows(3)).getBytes(StandardCharsets.US_ASCII);
        try (LammpsDumpReader r = new LammpsDumpReader(new ByteArrayInputStream(bad), "s")) {
            InputFormatException e = assertThrows(InputFormatException.class, r::next);
            assertTrue(e.getMessage().contains("expected 50000000 atom rows"), e.getMessage());
        }
    }

    @Test
    void nonFiniteOrFarCoordinatesAndVelocitiesAreRefused() throws IOException {
        String[][] cases = {
            {"1 1 1e308 1 1 0 0 0\n", "box lengths from the box"},
            {"1 1 1 -2e7 1 0 0 0\n", "box lengths from the box"},
            {"1 1 1 1 inf 0 0 0\n", "expected a finite coordinate"},
            {"1 1 1 1 1 nan 0 0\n", "expected a finite number in column 'vx'"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("bad.dump");
            Files.writeString(f, dump("1", c[0]));
            InputFormatException e = readAll(f);
            assertEquals(10, e.line(), e.getMessage());
            assertTrue(e.getMessage().startsWith("bad.dump:10: ") && e.getMessage().contains(c[1]), e.getMessage());
        }
        // far but plausible unwrapped coordinates (1000 box lengths) are still read
        Path ok = dir.resolve("ok.dump");
        Files.writeString(ok, dump("1", "1 1 10005 -3 1 0 0 0\n"));
        try (Frame f = LammpsDumpReader.readFirst(ok)) {
            assertEquals(5.0, f.particles().x(0), 1e-9);
        }
    }

    @Test
    void extendedXyzCountAndPositionsAreChecked() throws IOException {
        Path f = dir.resolve("big.xyz");
        String comment = "Lattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3\n";
        Files.writeString(f, "2000000000\n" + comment + "A 1 1 1\nA 2 2 2\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> ExtendedXyzReader.open(f).next());
        assertTrue(e.getMessage().startsWith("big.xyz:1: atom count 2000000000 cannot fit"), e.getMessage());
        Files.writeString(f, "1\n" + comment + "A 1e300 1 1\n");
        e = assertThrows(InputFormatException.class, () -> ExtendedXyzReader.open(f).next());
        assertTrue(e.getMessage().startsWith("big.xyz:3: position 1.0E300 is more than"), e.getMessage());
    }

    /** The extended-XYZ reader grows its store from a stream too, extra columns included. */
    @Test
    void extendedXyzStreamStoreGrowsAsRowsArrive() throws IOException {
        int n = LammpsDumpReader.FIRST_CAPACITY + 3;
        StringBuilder b = new StringBuilder(n + "\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3:q:R:1\n");
        for (int i = 0; i < n; i++) b.append("A ").append(i % 10).append(" 1 2 ").append(i).append('\n');
        try (ExtendedXyzReader r = new ExtendedXyzReader(new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.US_ASCII)), "s");
             Frame f = r.next()) {
            assertEquals(n, f.size());
            assertEquals((n - 1) % 10, f.particles().x(n - 1), 0.0);
            assertEquals(n - 1, f.extra("q")[n - 1], 0.0);
        }
    }

    @Test
    void npyShapeWhoseProductOverflowsIsAnInputError() throws IOException {
        byte[] d = "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + d.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) d.length).put(d);
        Path p = dir.resolve("over.npy");
        Files.write(p, b.array());
        InputFormatException e = assertThrows(InputFormatException.class, () -> NpyReader.read(p));
        assertTrue(e.getMessage().startsWith("over.npy: ") && e.getMessage().contains("overflows"), e.getMessage());
    }
}
