package org.softglass.core.particles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.space.Box;

class ParticleStoreTest {

    @Test
    void accessorsAndCopy() {
        try (ParticleStore p = ParticleStore.allocate(5)) {
            p.setPosition(3, 1, 2, 3);
            p.setVelocity(3, 4, 5, 6);
            p.setForce(3, 7, 8, 9);
            p.setSpecies(3, 1);
            p.setImage(3, 2, -4);
            p.setId(3, 99);
            try (ParticleStore c = p.copy()) {
                assertEquals(2, c.pos(3, 1));
                assertEquals(6, c.vel(3, 2));
                assertEquals(7, c.force(3, 0));
                assertEquals(1, c.species(3));
                assertEquals(-4, c.image(3, 2));
                assertEquals(99, c.id(3));
                assertEquals(1, c.id(0));
                assertArrayEquals(new int[] {4, 1}, c.speciesCounts());
            }
            assertThrows(IllegalArgumentException.class, () -> p.setSpecies(0, -1));
        }
    }

    @Test
    void wrapKeepsUnwrappedPositions() {
        Box box = Box.cubic(2.0);
        SplittableRandom r = new SplittableRandom(3);
        try (ParticleStore p = ParticleStore.allocate(101)) {
            double[][] u = new double[101][3];
            for (int i = 0; i < 101; i++) {
                for (int a = 0; a < 3; a++) {
                    u[i][a] = (r.nextDouble() - 0.5) * 30;
                    p.setPos(i, a, u[i][a]);
                }
            }
            p.wrapInto(box);
            for (int i = 0; i < 101; i++) {
                for (int a = 0; a < 3; a++) {
                    assertTrue(p.pos(i, a) >= 0 && p.pos(i, a) < 2.0);
                    assertEquals(u[i][a], p.unwrapped(i, a, box), 1e-12);
                }
            }
        }
    }

    @Test
    void slotsSortedById() {
        try (ParticleStore p = ParticleStore.allocate(6)) {
            long[] ids = {50, 3, 7, 1_000_000_000_000L, 2, 9};
            for (int i = 0; i < 6; i++) p.setId(i, ids[i]);
            assertArrayEquals(new int[] {4, 1, 2, 5, 0, 3}, p.slotsSortedById());
        }
    }

    /**
     * Ten million particles live off-heap: allocating and filling them grows the Java heap by far
     * less than their ≈ 1 GB (we allow 64 MB for the JIT, GC bookkeeping and the test itself).
     */
    @Test
    void tenMillionParticlesWithoutHeapGrowth() {
        int n = 10_000_000;
        var mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = mem.getHeapMemoryUsage().getUsed();
        try (Arena arena = Arena.ofConfined()) {
            ParticleStore p = ParticleStore.allocate(arena, n);
            for (int i = 0; i < n; i += 1) {
                p.setPosition(i, i * 1e-7, 0.5, 0.25);
                p.setSpecies(i, i & 1);
            }
            long after = mem.getHeapMemoryUsage().getUsed();
            assertEquals(n, p.size());
            assertEquals(0.9999999, p.x(n - 1), 1e-12);
            assertTrue(after - before < 64L << 20, "heap grew by " + ((after - before) >> 20) + " MB");
        }
    }
}
