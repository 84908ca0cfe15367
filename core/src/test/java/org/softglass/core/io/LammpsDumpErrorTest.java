package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of malformed dump gives an {@link InputFormatException} naming file and line. */
class LammpsDumpErrorTest {
    @TempDir Path dir;

    /** Lines 1-9 header, rows from line 10. */
    private static String frame(long step, int n, String columns, String rows) {
        return "ITEM: TIMESTEP\n" + step + "\nITEM: NUMBER OF ATOMS\n" + n + "\nITEM: BOX BOUNDS pp pp pp\n"
                + "0 10\n0 10\n0 10\nITEM: ATOMS " + columns + "\n" + rows;
    }

    private static final String GOOD_ROWS = "1 1 1 1 1\n2 2 2 2 2\n3 1 3 3 3\n";
    /** A valid frame at timestep 0 of the three GOOD_ROWS particles; the malformed cases are edits of it. */
    private static final String GOOD_FRAME = frame(0, 3, "id type x y z", GOOD_ROWS);

    private InputFormatException fail(String content) throws IOException {
        Path f = dir.resolve("bad.dump");
        Files.writeString(f, content);
        return assertThrows(InputFormatException.class, () -> {
            try (LammpsDumpReader r = LammpsDumpReader.open(f)) {
                while (true) {
                    Frame fr = r.next();
                    if (fr == null) break;
                    fr.close();
                }
            }
        });
    }

    private void expect(String content, long line, String fragment) throws IOException {
        InputFormatException e = fail(content);
        assertEquals("bad.dump", e.source());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.dump:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void goodFileReads() throws IOException {
        Path f = dir.resolve("good.dump");
        Files.writeString(f, GOOD_FRAME + "\n\n" + frame(5, 3, "id type x y z", GOOD_ROWS));
        try (LammpsDumpReader r = LammpsDumpReader.open(f)) {
            r.next().close();
            r.next().close();
            assertEquals(2, r.framesRead());
        }
    }

    @Test
    void truncatedFrame() throws IOException {
        expect(frame(0, 3, "id type x y z", "1 1 1 1 1\n2 2 2 2 2\n"), 12, "unexpected end of file: expected 3 atom rows");
        expect("ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n3\nITEM: BOX BOUNDS pp pp pp\n0 10\n", 7, "unexpected end of file");
    }

    @Test
    void missingItemLines() throws IOException {
        expect("ITEM: TIMESTEP\n0\n3\n", 3, "expected 'ITEM: NUMBER OF ATOMS', found '3'");
        expect("0\nITEM: NUMBER OF ATOMS\n", 1, "expected 'ITEM: TIMESTEP', found '0'");
        expect(GOOD_FRAME.replace("ITEM: BOX BOUNDS pp pp pp\n", ""), 5,
                "expected 'ITEM: BOX BOUNDS pp pp pp', found '0 10'");
        expect(GOOD_FRAME.replace("ITEM: ATOMS id type x y z\n", ""), 9,
                "expected 'ITEM: ATOMS <columns>'");
    }

    @Test
    void wrongColumnCount() throws IOException {
        expect(frame(0, 3, "id type x y z", "1 1 1 1 1\n2 2 2 2\n3 1 3 3 3\n"), 11,
                "expected 5 columns (id type x y z), found 4");
        expect(frame(0, 3, "id type x y z", "1 1 1 1 1\n2 2 2 2 2 7\n3 1 3 3 3\n"), 11, "found 6");
    }

    @Test
    void nonNumericValues() throws IOException {
        expect(frame(0, 3, "id type x y z", "1 1 1 1 1\n2 2 2 2 2\n3 1 3 abc 3\n"), 12,
                "expected a number for column 'y', found 'abc'");
        expect(frame(0, 3, "id type x y z", "1 1 1 1 1\n2.5 2 2 2 2\n3 1 3 3 3\n"), 11,
                "expected an integer for column 'id', found '2.5'");
        expect(frame(0, 3, "id type x y z ix iy iz", "1 1 1 1 1 0 0 0\n2 2 2 2 2 0 x 0\n3 1 3 3 3 0 0 0\n"), 11,
                "column 'iy'");
        expect("ITEM: TIMESTEP\nten\n", 2, "expected an integer for the timestep, found 'ten'");
    }

    @Test
    void atomCountNotMatchingRows() throws IOException {
        // fewer rows than NUMBER OF ATOMS, followed by the next frame
        expect(frame(0, 4, "id type x y z", GOOD_ROWS) + frame(1, 3, "id type x y z", GOOD_ROWS), 13,
                "expected 4 atom rows (NUMBER OF ATOMS at line 4), found 3 before 'ITEM: TIMESTEP'");
        // more rows than NUMBER OF ATOMS
        expect(frame(0, 2, "id type x y z", GOOD_ROWS), 12, "found another row");
    }

    @Test
    void errorsInLaterFramesAndGzipHaveAbsoluteLineNumbers() throws IOException {
        String text = GOOD_FRAME + frame(1, 3, "id type x y z", "1 1 1 1 1\n2 2 2\n3 1 3 3 3\n");
        expect(text, 12 + 11, "found 3");
        Path gz = dir.resolve("bad.dump.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        InputFormatException e = assertThrows(InputFormatException.class, () -> {
            try (LammpsDumpReader r = LammpsDumpReader.open(gz)) {
                assertNotNull(r.next());
                r.next();
            }
        });
        assertEquals("bad.dump.gz:23: expected 5 columns (id type x y z), found 3", e.getMessage());
    }

    @Test
    void missingColumns() throws IOException {
        expect(frame(0, 3, "id type x y", "1 1 1 1\n"), 9, "missing coordinate columns");
        expect(frame(0, 3, "id type x y zu", "1 1 1 1 1\n"), 9, "expected one of 'x y z', 'xs ys zs', 'xu yu zu', 'xsu ysu zsu'");
        expect(frame(0, 3, "type x y z", "1 1 1 1\n"), 9, "missing column 'id'");
        expect(frame(0, 3, "id type x y z x", "1 1 1 1 1 1\n"), 9, "duplicate column 'x'");
    }

    @Test
    void duplicateIds() throws IOException {
        expect(frame(0, 3, "id type x y z", "4 1 1 1 1\n2 2 2 2 2\n4 1 3 3 3\n"), 12, "duplicate atom id 4 (first on line 10)");
        expect(frame(0, 3, "id type x y z", "1 1 1 1 1\n1 2 2 2 2\n3 1 3 3 3\n"), 11, "duplicate atom id 1");
    }

    @Test
    void badAtomTypes() throws IOException {
        expect(frame(0, 3, "id type x y z", "1 1 1 1 1\n2 0 2 2 2\n3 1 3 3 3\n"), 11, "expected a positive integer atom type");
        expect(frame(0, 3, "id type x y z", "1 1 1 1 1\n2 A 2 2 2\n3 1 3 3 3\n"), 11, "expected an integer for column 'type', found 'A'");
    }

    @Test
    void unsupportedBoxes() throws IOException {
        expect(GOOD_FRAME.replace("BOX BOUNDS pp pp pp", "BOX BOUNDS xy xz yz pp pp pp"), 5,
                "triclinic box");
        expect(GOOD_FRAME.replace("BOX BOUNDS pp pp pp", "BOX BOUNDS pp pp fs"), 5,
                "non-periodic boundary 'fs' is not supported");
        expect(GOOD_FRAME.replace("0 10\n0 10\n0 10\n", "0 10\n0 10 0.5\n0 10\n"), 7,
                "triclinic tilt factors are not supported");
        expect(GOOD_FRAME.replace("0 10\n0 10\n0 10\n", "0 10\n5 5\n0 10\n"), 7,
                "lo < hi");
    }

    @Test
    void nonFiniteCoordinates() throws IOException {
        expect(frame(0, 3, "id type x y z", "1 1 1 1 1\n2 2 nan 2 2\n3 1 3 3 3\n"), 11, "expected a finite coordinate");
    }
}
