package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.softglass.core.particles.ParticleStore;

class LammpsDumpRoundTripTest {
    @TempDir Path dir;

    private Frame[] writeTwo(Path file, List<String> cols) throws IOException {
        Frame a = TestFrames.random(1, 53, 0), b = TestFrames.random(2, 53, 200);
        try (LammpsDumpWriter w = LammpsDumpWriter.open(file, cols)) {
            w.write(a);
            w.write(b);
            assertEquals(2, w.framesWritten());
        }
        return new Frame[] {a, b};
    }

    /**
     * Writes {@code dir/name}: one dump frame at {@code timestep} in the periodic box [0, 10]³ with the
     * ATOMS header {@code columns} and one line per atom (the atom count is {@code atoms.length}).
     */
    private Path writeBox10(String name, long timestep, String columns, String... atoms) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "ITEM: TIMESTEP\n" + timestep + "\nITEM: NUMBER OF ATOMS\n" + atoms.length
                + "\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\nITEM: ATOMS " + columns + "\n"
                + String.join("\n", atoms) + "\n");
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.dump", "t.dump.gz"})
    void wrappedWithImagesIsExact(String name) throws IOException {
        Path file = dir.resolve(name);
        Frame[] orig = writeTwo(file, LammpsDumpWriter.WRAPPED_IMAGES);
        try (LammpsDumpReader r = LammpsDumpReader.open(file)) {
            for (Frame o : orig) {
                try (o; Frame f = r.next()) {
                    assertEquals(o.timestep(), f.timestep());
                    assertTrue(f.box().sameAs(o.box(), 0));
                    assertEquals(CoordinateKind.WRAPPED, f.coordinates());
                    assertTrue(f.imagesKnown());
                    assertTrue(f.extraNames().isEmpty());
                    TestFrames.assertSameParticles(o, f, true, 0, false, false);
                }
            }
            assertNull(r.next());
        }
        byte[] head = Files.readAllBytes(file);
        assertEquals(name.endsWith(".gz"), (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b);
    }

    @Test
    void wrappedWithoutImages() throws IOException {
        Path file = dir.resolve("w.dump");
        Frame[] orig = writeTwo(file, LammpsDumpWriter.WRAPPED);
        try (LammpsDumpReader r = LammpsDumpReader.open(file); Frame f = r.next()) {
            assertFalse(f.imagesKnown());
            TestFrames.assertSameParticles(orig[0], f, false, 0, false, false);
        }
        for (Frame o : orig) o.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id type xu yu zu", "id type xsu ysu zsu", "id type xs ys zs ix iy iz",
        "type xu yu zu id", "id type x y z xu yu zu"})
    void unwrappedAndScaledLayoutsRecoverPositionsAndImages(String layout) throws IOException {
        Path file = dir.resolve("u.dump.gz");
        Frame[] orig = writeTwo(file, List.of(layout.split(" ")));
        try (LammpsDumpReader r = LammpsDumpReader.open(file)) {
            for (Frame o : orig) {
                try (o; Frame f = r.next()) {
                    assertTrue(f.imagesKnown());
                    CoordinateKind want = layout.contains(" x ") ? CoordinateKind.WRAPPED : layout.contains("xsu")
                            ? CoordinateKind.SCALED_UNWRAPPED : layout.contains("xs") ? CoordinateKind.SCALED : CoordinateKind.UNWRAPPED;
                    assertEquals(want, f.coordinates());
                    TestFrames.assertSameParticles(o, f, true, 1e-12, false, false);
                }
            }
        }
    }

    @Test
    void forcesVelocitiesAndExtrasRoundTripExactly() throws IOException {
        Path file = dir.resolve("f.dump");
        List<String> cols = List.of("id", "type", "x", "y", "z", "ix", "iy", "iz", "vx", "vy", "vz", "fx", "fy", "fz", "c_peatom");
        Frame[] orig = writeTwo(file, cols);
        try (LammpsDumpReader r = LammpsDumpReader.open(file)) {
            for (Frame o : orig) {
                try (o; Frame f = r.next()) {
                    assertTrue(f.hasForces());
                    assertTrue(f.hasVelocities());
                    assertEquals(List.of("c_peatom"), f.extraNames());
                    TestFrames.assertSameParticles(o, f, true, 0, true, true);
                    for (int k = 0; k < f.size(); k++) {
                        int i = TestFrames.slotOf(o, f.particles().id(k));
                        assertEquals(o.extra("c_peatom")[i], f.extra("c_peatom")[k]);
                    }
                }
            }
        }
    }

    @Test
    void gzipIsDetectedByMagicBytesNotName() throws IOException {
        Path file = dir.resolve("plain-name.dump");
        Frame a = TestFrames.random(3, 11, 5);
        try (a; LammpsDumpWriter w = LammpsDumpWriter.open(file, LammpsDumpWriter.WRAPPED_IMAGES, true)) {
            w.write(a);
        }
        try (Frame f = LammpsDumpReader.readFirst(file)) {
            assertEquals(5, f.timestep());
            assertEquals(11, f.size());
        }
    }

    @Test
    void streamWriterAndReaderAndOptionalItems() throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        Frame a = TestFrames.random(4, 9, 42);
        try (a; LammpsDumpWriter w = LammpsDumpWriter.of(bos, LammpsDumpWriter.WRAPPED, false)) {
            w.write(a);
        }
        String text = "ITEM: UNITS\nlj\nITEM: TIME\n0.21\n" + bos.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (LammpsDumpReader r = new LammpsDumpReader(new ByteArrayInputStream(text.getBytes()), "mem.dump");
             Frame f = r.next()) {
            assertEquals(42, f.timestep());
            assertEquals(0.21, f.time());
            assertEquals(9, f.size());
        }
    }

    @Test
    void atomsOutsideTheBoxAreWrappedKeepingUnwrappedPositions() throws IOException {
        Path file = writeBox10("out.dump", 7, "id type x y z ix iy iz",
                "3 2 10.0 -0.5 5 0 0 2",
                "1 1 1 2 3 0 0 0",
                "2 1 9.99 0 10.2 1 -1 0");
        try (Frame f = LammpsDumpReader.readFirst(file)) {
            ParticleStore p = f.particles();
            assertEquals(1, p.id(0));
            assertEquals(3, p.id(2));
            assertEquals(1, p.species(2));
            assertEquals(0.0, p.pos(2, 0));
            assertEquals(1, p.image(2, 0));
            assertEquals(9.5, p.pos(2, 1));
            assertEquals(-1, p.image(2, 1));
            assertEquals(10.0, p.unwrapped(2, 0, f.box()));
            assertEquals(25.0, p.unwrapped(2, 2, f.box()));
            assertEquals(10.2 - 10, p.pos(1, 2), 1e-12);
            assertEquals(1, p.image(1, 2));
        }
    }

    @Test
    void imagesAreDerivedFromUnwrappedColumnsWithoutFlags() throws IOException {
        Path file = writeBox10("d.dump", 0, "id type x y z xu yu zu",
                "1 1 1 2 3 21 -8 3",
                "2 1 5 5 5 5 5 5");
        try (Frame f = LammpsDumpReader.readFirst(file)) {
            assertEquals(CoordinateKind.WRAPPED, f.coordinates());
            assertTrue(f.imagesKnown());
            assertEquals(2, f.particles().image(0, 0));
            assertEquals(-1, f.particles().image(0, 1));
            assertEquals(0, f.particles().image(0, 2));
            assertEquals(List.of("xu", "yu", "zu"), f.extraNames());
        }
    }
}
