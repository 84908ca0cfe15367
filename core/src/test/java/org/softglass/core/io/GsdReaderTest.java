package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * {@link GsdReader} and the format detection of {@link TrajectoryReader#open}, on GSD files written by
 * Debian's python3-gsd ({@code gsd/make_fixtures.py}): the committed ones, and fresh ones written with
 * another seed when python3-gsd is installed (CI installs it). Every value is compared with what
 * python3-gsd was given ({@code expected.json}): positions are float32 in the file, so equal as doubles.
 */
class GsdReaderTest {
    private static final Path FIXTURES = resourceDir();
    @TempDir Path tmp;

    private static Path resourceDir() {
        try {
            return Path.of(GsdReaderTest.class.getResource("gsd/expected.json").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void committedFileGivesEveryFrameAsPython3GsdWroteIt() throws IOException {
        checkAgainstExpected(FIXTURES);
    }

    @Test
    void freshFilesFromPython3GsdWithAnotherSeed() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3");
        Process probe = new ProcessBuilder(python.toString(), "-c", "import gsd.hoomd").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        Assumptions.assumeTrue(probe.waitFor() == 0, "needs python3-gsd");
        Process p = new ProcessBuilder(python.toString(), FIXTURES.resolve("make_fixtures.py").toString(), tmp.toString(), "7")
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        checkAgainstExpected(tmp);
    }

    private static void checkAgainstExpected(Path dir) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        assertEquals(TrajectoryReader.Format.GSD, TrajectoryReader.Format.detect(dir.resolve("hoomd.gsd")));
        try (TrajectoryReader r = TrajectoryReader.open(dir.resolve("hoomd.gsd"))) {
            assertTrue(r instanceof GsdReader);
            assertEquals(expected.size(), ((GsdReader) r).frames());
            for (JsonNode e : expected) {
                try (Frame f = r.next()) {
                    assertFrame(e, f);
                }
            }
            assertNull(r.next());
        }
        try (Frame v1 = TrajectoryReader.readFirst(dir.resolve("hoomd_v1.gsd"))) {
            assertFrame(expected.get(0), v1);
        }
    }

    /** One frame equals the expected record: step, box centred on 0, ids 1..N, species, positions, images, velocities. */
    private static void assertFrame(JsonNode e, Frame f) {
        assertEquals(e.get("step").asLong(), f.timestep());
        assertTrue(Double.isNaN(f.time()));
        Box box = f.box();
        for (int a = 0; a < 3; a++) {
            double l = e.get("box").get(a).asDouble();
            assertEquals(l, box.length(a), 0.0);
            assertEquals(-l / 2, box.lo(a), 0.0);
        }
        int n = e.get("typeid").size();
        assertEquals(n, f.size());
        assertTrue(f.imagesKnown());
        assertTrue(f.hasVelocities());
        assertFalse(f.hasForces());
        ParticleStore p = f.particles();
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1L, p.id(i));
            assertEquals(e.get("typeid").get(i).asInt(), p.species(i));
            for (int a = 0; a < 3; a++) {
                double x = e.get("position").get(i).get(a).asDouble();
                int m = e.get("image").get(i).get(a).asInt();
                // positions written inside [-L/2, L/2) stay as they are; the unwrapped position is x + m L either way
                assertEquals(x, p.pos(i, a), 0.0, "particle " + i + " axis " + a);
                assertEquals(m, p.image(i, a));
                assertEquals(e.get("velocity").get(i).get(a).asDouble(), p.vel(i, a), 0.0);
            }
        }
    }

    /**
     * HOOMD's default writer stores images and velocities in frame 0 only: frame 1's are unknown, not frame 0's
     * (taking frame 0's would make every boundary crossing a jump of one box length in the unwrapped path).
     */
    @Test
    void imagesAndVelocitiesWrittenInFrameZeroOnlyAreUnknownLater() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(FIXTURES.resolve("expected.json").toFile());
        try (GsdReader r = GsdReader.open(FIXTURES.resolve("static_momentum.gsd"))) {
            try (Frame f0 = r.next()) {
                assertFrame(expected.get(0), f0);
            }
            try (Frame f1 = r.next()) {
                assertEquals(200, f1.timestep());
                assertFalse(f1.imagesKnown());
                assertFalse(f1.hasVelocities());
                for (int i = 0; i < f1.size(); i++) {
                    for (int a = 0; a < 3; a++) assertEquals(0, f1.particles().image(i, a));
                }
            }
        }
        // in hoomd.gsd the writer stored velocities again in frame 2, so frame 1 left them out as equal to frame 0's
        try (GsdReader r = GsdReader.open(FIXTURES.resolve("hoomd.gsd"))) {
            r.next().close();
            try (Frame f1 = r.next()) {
                assertTrue(f1.hasVelocities());
                assertEquals(expected.get(0).get("velocity").get(3).get(1).asDouble(), f1.particles().vel(3, 1), 0.0);
            }
        }
    }

    @Test
    void triclinicBoxIsRefusedNamingTheBox() throws IOException {
        try (GsdReader r = GsdReader.open(FIXTURES.resolve("triclinic.gsd"))) {
            InputFormatException ex = assertThrows(InputFormatException.class, r::next);
            assertTrue(ex.getMessage().startsWith("triclinic.gsd: frame 0: triclinic box [Lx Ly Lz xy xz yz] = [4.0 5.0 6.0 0.5 0.0 0.0]"),
                    ex.getMessage());
            assertTrue(ex.getMessage().contains("expected an orthorhombic box"), ex.getMessage());
        }
    }

    @Test
    void otherSchemaIsRefused() {
        InputFormatException ex = assertThrows(InputFormatException.class, () -> TrajectoryReader.open(FIXTURES.resolve("not_hoomd.gsd")));
        assertEquals("not_hoomd.gsd: GSD schema 'other', expected 'hoomd' (a HOOMD-blue trajectory)", ex.getMessage());
    }

    @Test
    void everyTruncationIsOneClearErrorNeverAnAllocationFromAFalseSize() throws IOException {
        byte[] whole = Files.readAllBytes(FIXTURES.resolve("hoomd.gsd"));
        Path cut = tmp.resolve("cut.gsd");
        for (int len : new int[] {8, 100, 255, 256, 1000, whole.length / 2, whole.length - 1}) {
            Files.write(cut, Arrays.copyOf(whole, len));
            InputFormatException ex = assertThrows(InputFormatException.class, () -> {
                try (TrajectoryReader r = TrajectoryReader.open(cut)) {
                    for (Frame f; (f = r.next()) != null; ) f.close();
                }
            }, "truncated to " + len);
            assertTrue(ex.getMessage().startsWith("cut.gsd: "), ex.getMessage());
        }
    }

    @Test
    void corruptIndexSizesAreRefusedBeforeAllocating() throws IOException {
        byte[] whole = Files.readAllBytes(FIXTURES.resolve("hoomd.gsd"));
        java.nio.ByteBuffer h = java.nio.ByteBuffer.wrap(whole).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long index = h.getLong(8);
        byte[] bad = whole.clone();
        java.nio.ByteBuffer.wrap(bad).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong((int) index + 8, Long.MAX_VALUE / 4); // N of entry 0
        Path f = tmp.resolve("bad.gsd");
        Files.write(f, bad);
        InputFormatException ex = assertThrows(InputFormatException.class, () -> GsdReader.open(f));
        assertTrue(ex.getMessage().startsWith("bad.gsd: corrupt index entry 0: "), ex.getMessage());
        byte[] farFrame = whole.clone();   // a frame number far beyond the index: no int[2^31] of frame starts
        java.nio.ByteBuffer.wrap(farFrame).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong((int) index + 32 * 3, Integer.MAX_VALUE - 1L);
        Files.write(f, farFrame);
        ex = assertThrows(InputFormatException.class, () -> GsdReader.open(f));
        assertTrue(ex.getMessage().contains("beyond the index's"), ex.getMessage());
        byte[] huge = whole.clone();
        java.nio.ByteBuffer.wrap(huge).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(16, Long.MAX_VALUE); // index_allocated_entries
        Files.write(f, huge);
        ex = assertThrows(InputFormatException.class, () -> GsdReader.open(f));
        assertTrue(ex.getMessage().contains("longer than the file"), ex.getMessage());
    }

    @Test
    void gzipCompressedGsdIsRefusedWithTheRemedy() throws IOException {
        Path gz = tmp.resolve("hoomd.gsd.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(FIXTURES.resolve("hoomd.gsd")));
        }
        InputFormatException ex = assertThrows(InputFormatException.class, () -> TrajectoryReader.open(gz));
        assertTrue(ex.getMessage().contains("gunzip it first"), ex.getMessage());
    }

    @Test
    void textFormatsAreFoundByContentWhateverTheExtension() throws IOException {
        Box box = Box.cubic(5);
        ParticleStore p = ParticleStore.allocate(2);
        p.setId(0, 1);
        p.setId(1, 2);
        p.setPosition(0, 1, 1, 1);
        p.setPosition(1, 2, 2, 2);
        try (Frame f = Frame.of(3, box, p)) {
            Path xyz = tmp.resolve("frame.dump"), dump = tmp.resolve("frame.xyz");
            ExtendedXyzWriter.write(xyz, w -> w.write(f));
            LammpsDumpWriter.write(dump, List.of("id", "type", "x", "y", "z"), w -> w.write(f));
            assertEquals(TrajectoryReader.Format.EXTENDED_XYZ, TrajectoryReader.Format.detect(xyz));
            assertEquals(TrajectoryReader.Format.LAMMPS_DUMP, TrajectoryReader.Format.detect(dump));
            for (Path file : List.of(xyz, dump)) {
                try (Frame back = TrajectoryReader.readFirst(file)) {
                    assertEquals(3, back.timestep());
                    assertEquals(2.0, back.particles().pos(1, 2), 0.0);
                }
            }
        }
        Path empty = tmp.resolve("empty.gsd");
        Files.write(empty, new byte[0]);
        assertEquals(TrajectoryReader.Format.GSD, TrajectoryReader.Format.detect(empty));
        InputFormatException ex = assertThrows(InputFormatException.class, () -> TrajectoryReader.open(empty));
        assertTrue(ex.getMessage().startsWith("empty.gsd: the 256-byte header"), ex.getMessage());
    }
}
