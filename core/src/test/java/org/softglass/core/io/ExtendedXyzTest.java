package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtendedXyzTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"t.xyz", "t.xyz.gz"})
    void defaultLayoutRoundTripsMultipleFrames(String name) throws IOException {
        Path file = dir.resolve(name);
        Frame a = TestFrames.random(11, 40, 0), b = TestFrames.random(12, 40, 400);
        try (ExtendedXyzWriter w = ExtendedXyzWriter.open(file).images(true)) {
            w.write(a);
            w.write(b);
        }
        try (ExtendedXyzReader r = ExtendedXyzReader.open(file)) {
            for (Frame o : new Frame[] {a, b}) {
                try (o; Frame f = r.next()) {
                    assertEquals(o.timestep(), f.timestep());
                    assertEquals(o.time(), f.time());
                    assertTrue(f.box().sameAs(o.box(), 0));
                    assertEquals(CoordinateKind.WRAPPED, f.coordinates());
                    assertTrue(f.imagesKnown());
                    TestFrames.assertSameParticles(o, f, true, 0, false, false);
                }
            }
            assertNull(r.next());
            assertEquals(List.of("A", "B", "C"), r.speciesNames().subList(0, 3));
        }
        if (!name.endsWith(".gz")) {
            List<String> lines = Files.readAllLines(file);
            assertEquals("40", lines.get(0));
            assertTrue(lines.get(1).startsWith("Lattice=\"5.0 0 0 0 6.5 0 0 0 7.125\" Origin=\"-1.5 0.0 2.25\" "
                    + "Properties=species:S:1:id:I:1:pos:R:3:image:I:3 Timestep=0 Time=0.0"), lines.get(1));
        }
    }

    @Test
    void unwrappedVelocitiesForcesExtrasAndNamedSpecies() throws IOException {
        Path file = dir.resolve("u.xyz");
        try (Frame a = TestFrames.random(13, 25, 3); ExtendedXyzWriter w = ExtendedXyzWriter.open(file).speciesNames("Ni", "P", "X")
                .unwrapped(true).velocities(true).forces(true).extras("c_peatom")) {
            w.write(a);
            assertThrows(IllegalStateException.class, () -> w.images(true));
        }
        try (Frame a = TestFrames.random(13, 25, 3); ExtendedXyzReader r = ExtendedXyzReader.open(file, List.of("Ni", "P", "X")); Frame f = r.next()) {
            assertEquals(CoordinateKind.UNWRAPPED, f.coordinates());
            assertTrue(f.hasVelocities());
            assertTrue(f.hasForces());
            TestFrames.assertSameParticles(a, f, true, 1e-12, true, true);
            for (int k = 0; k < f.size(); k++) {
                assertEquals(a.extra("c_peatom")[TestFrames.slotOf(a, f.particles().id(k))], f.extra("c_peatom")[k]);
            }
        }
    }

    @Test
    void numericSpeciesAndNoIds() throws IOException {
        Path file = dir.resolve("n.xyz");
        Frame a = TestFrames.random(14, 10, 0);
        try (ExtendedXyzWriter w = ExtendedXyzWriter.open(file).numericSpecies().ids(false)) {
            w.write(a);
        }
        String row = Files.readAllLines(file).get(2);
        assertEquals(String.valueOf(a.particles().species(0) + 1), row.split(" ")[0]);
        try (a; Frame f = ExtendedXyzReader.open(file).next()) {
            for (int i = 0; i < 10; i++) {
                assertEquals(i + 1L, f.particles().id(i));
                assertEquals(a.particles().species(i), f.particles().species(i));
                assertEquals(a.particles().pos(i, 1), f.particles().pos(i, 1));
            }
            assertFalse(f.imagesKnown());
        }
    }

    @Test
    void readsAseStyleFileWithUnknownNamesAndExtraProperties() throws IOException {
        Path file = dir.resolve("ase.xyz");
        Files.writeString(file, """
                3
                Lattice="4.0 0.0 0.0 0.0 4.0 0.0 0.0 0.0 4.0" Properties=species:S:1:pos:R:3:energies:R:1:tag:S:1:mask:L:1 energy=-1.5 pbc="T T T"
                Ar 0.5 0.5 0.5 -0.1 foo T
                Kr 4.5 1.0 1.0 -0.2 bar F
                Ar 1.0 -1.0 2.0 -0.3 baz T
                """);
        try (ExtendedXyzReader r = ExtendedXyzReader.open(file, List.of()); Frame f = r.next()) {
            assertEquals(List.of("Ar", "Kr"), r.speciesNames());
            assertEquals(1, f.particles().species(1));
            assertEquals(0.5, f.particles().pos(1, 0), 1e-15);
            assertEquals(1, f.particles().image(1, 0));
            assertEquals(3.0, f.particles().pos(2, 1));
            assertEquals(List.of("energies", "mask"), f.extraNames());
            assertEquals(-0.2, f.extra("energies")[1]);
            assertEquals(0.0, f.extra("mask")[1]);
            assertTrue(Double.isNaN(f.time()));
        }
    }

    private void expect(String content, long line, String fragment) throws IOException {
        Path f = dir.resolve("bad.xyz");
        Files.writeString(f, content);
        InputFormatException e = assertThrows(InputFormatException.class, () -> {
            try (ExtendedXyzReader r = ExtendedXyzReader.open(f)) {
                for (Frame fr = r.next(); fr != null; fr = r.next()) fr.close();
            }
        });
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.xyz:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static final String LAT = "Lattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:id:I:1:pos:R:3\n";

    @Test
    void malformedFiles() throws IOException {
        expect("two\n", 1, "expected an integer for the atom count, found 'two'");
        expect("2\nProperties=species:S:1:pos:R:3\nA 1 1 1\nA 2 2 2\n", 2, "missing Lattice");
        expect("1\nLattice=\"10 1 0 0 10 0 0 0 10\"\nA 1 1 1\n", 2, "non-orthorhombic Lattice is not supported");
        expect("2\n" + LAT + "A 1 1 1 1\nB 2 2 2\n", 4, "expected 5 columns (Properties at line 2), found 4");
        expect("2\n" + LAT + "A 1 1 1 1\nB 2 2 x 2\n", 4, "expected a number for pos, found 'x'");
        expect("3\n" + LAT + "A 1 1 1 1\nB 2 2 2 2\n", 5, "unexpected end of file: expected 3 atom rows");
        expect("2\n" + LAT + "A 7 1 1 1\nB 7 2 2 2\n", 4, "duplicate atom id 7 (first on line 3)");
        expect("1\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:xyz:R:3\nA 1 1 1\n", 2, "missing pos:R:3");
        expect("1\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:Q:3\nA 1 1 1\n", 2, "unknown property type 'Q'");
        expect("2\n" + LAT + "A 1 1 1 1\nB 2 2 2 2\n1\n" + LAT + "A 1 1 1\n", 7, "expected 5 columns");
    }
}
