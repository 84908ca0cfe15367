package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.particles.ParticleStore;

/** Reads the real LAMMPS fixtures in ../shared/fixtures/lammps (a missing fixture fails). */
class LammpsDumpFixtureTest {
    static final double L = 9.41036028881028;

    static Path fixture(String name) {
        return org.softglass.core.testutil.Fixtures.lammps(name);
    }

    @Test
    void trajectoryHas200SortedFramesWithConsistentUnwrapping() throws IOException {
        Path traj = fixture("ka_N1000_T0.8_traj.dump.gz");
        long t0 = System.nanoTime();
        int frames = 0;
        try (LammpsDumpReader r = LammpsDumpReader.open(traj)) {
            for (Frame f : r) {
                try (f) {
                    assertEquals(200L * frames, f.timestep());
                    assertEquals(1000, f.size());
                    assertEquals(L, f.box().lx(), 1e-13);
                    assertEquals(L, f.box().lz(), 1e-13);
                    assertEquals(0.0, f.box().lo(1));
                    assertEquals(CoordinateKind.WRAPPED, f.coordinates());
                    assertTrue(f.imagesKnown());
                    assertEquals(List.of("xu", "yu", "zu"), f.extraNames());
                    ParticleStore p = f.particles();
                    for (int i = 0; i < 1000; i++) assertEquals(i + 1L, p.id(i));
                    assertArrayEquals(new int[] {800, 200}, p.speciesCounts());
                    for (int i = 0; i < 1000; i++) {
                        assertEquals(i < 800 ? 0 : 1, p.species(i));
                        for (int a = 0; a < 3; a++) {
                            double x = p.pos(i, a);
                            assertTrue(x >= 0 && x < L, "wrapped " + x);
                            // %g has 6 significant digits: |xu| up to ~100 -> 1e-3 rounding
                            assertEquals(f.extra(new String[] {"xu", "yu", "zu"}[a])[i], p.unwrapped(i, a, f.box()), 2e-3);
                        }
                    }
                    if (frames == 0) frame0(f);
                }
                frames++;
            }
            assertEquals(200, r.framesRead());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("read 200 frames of " + traj.getFileName() + " in " + ms + " ms");
        assertEquals(200, frames);
    }

    private static void frame0(Frame f) {
        ParticleStore p = f.particles();
        // first rows of the file: "1 1 3.8804 1.73914 2.56853 3.8804 11.1495 11.9789 0 1 1"
        assertEquals(3.8804, p.x(0));
        assertEquals(1.73914, p.y(0));
        assertArrayEquals(new int[] {0, 1, 1}, new int[] {p.image(0, 0), p.image(0, 1), p.image(0, 2)});
        assertEquals(11.1495, f.extra("yu")[0]);
        // "3 1 1.00291 5.32537 6.9392 10.4133 5.32537 -2.47116 1 0 -1"
        assertEquals(1, p.image(2, 0));
        assertEquals(-1, p.image(2, 2));
        assertEquals(-2.47116, p.unwrapped(2, 2, f.box()), 1e-5);
        for (int i = 0; i < 1000; i++) {
            for (int a = 0; a < 3; a++) {
                assertEquals(f.extra(new String[] {"xu", "yu", "zu"}[a])[i], p.unwrapped(i, a, f.box()),
                        1e-5 * Math.max(1, Math.abs(p.unwrapped(i, a, f.box()))));
            }
        }
    }

    @Test
    void forcesFrameHasForcesAndPerAtomEnergy() throws IOException {
        try (Frame f = LammpsDumpReader.readFirst(fixture("ka_N1000_T0.8_forces_frame.dump"))) {
            assertEquals(0, f.timestep());
            assertEquals(1000, f.size());
            assertTrue(f.hasForces());
            assertFalse(f.hasVelocities());
            assertFalse(f.imagesKnown());
            assertEquals(List.of("c_peatom"), f.extraNames());
            ParticleStore p = f.particles();
            assertEquals(3.880396650590557, p.x(0));
            assertEquals(-28.72849487291591, p.force(0, 0));
            assertEquals(33.0951588932186, p.force(1, 2));
            double pe = 0, fx = 0, fy = 0, fz = 0;
            for (int i = 0; i < 1000; i++) {
                pe += f.extra("c_peatom")[i];
                fx += p.force(i, 0);
                fy += p.force(i, 1);
                fz += p.force(i, 2);
            }
            assertEquals(-6346.529228028, pe, 6346.529228028 * 1e-9);
            assertEquals(0, fx, 1e-9);
            assertEquals(0, fy, 1e-9);
            assertEquals(0, fz, 1e-9);
            assertEquals(-7.461557659892133, f.extra("c_peatom")[0]);
            assertArrayEquals(new int[] {800, 200}, p.speciesCounts());
        }
    }

    @Test
    void inherentStructureMatchesReferenceEnergy() throws IOException {
        Path is = fixture("ka_N1000_T0.8_inherent_structure.dump");
        try (LammpsDumpReader r = LammpsDumpReader.open(is)) {
            Frame f = r.next();
            try (f) {
                double pe = 0;
                for (double v : f.extra("c_peatom")) pe += v;
                assertEquals(-7555.42414064805, pe, 7555.42414064805 * 1e-9);
                for (int i = 0; i < f.size(); i++) assertEquals(i + 1L, f.particles().id(i));
            }
            assertNull(r.next());
        }
    }
}
