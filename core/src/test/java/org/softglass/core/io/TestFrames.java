package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/** Random frames and comparisons shared by the io tests. */
final class TestFrames {
    private TestFrames() {}

    static final Box BOX = new Box(new double[] {-1.5, 0.0, 2.25}, new double[] {5.0, 6.5, 7.125});

    /**
     * A frame of n particles with ids shuffled (not in slot order), species 0..2, wrapped positions,
     * images in [-3, 3], velocities, forces and an extra column "c_peatom".
     */
    static Frame random(long seed, int n, long timestep) {
        Random r = new Random(seed);
        ParticleStore p = ParticleStore.allocate(n);
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = 10L * i + 7;
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long t = ids[i]; ids[i] = ids[j]; ids[j] = t;
        }
        double[] pe = new double[n];
        for (int i = 0; i < n; i++) {
            p.setId(i, ids[i]);
            p.setSpecies(i, r.nextInt(3));
            for (int a = 0; a < 3; a++) {
                p.setPos(i, a, BOX.lo(a) + (0.001 + 0.998 * r.nextDouble()) * BOX.length(a));
                p.setImage(i, a, r.nextInt(7) - 3);
            }
            p.setVelocity(i, r.nextGaussian(), r.nextGaussian(), r.nextGaussian());
            p.setForce(i, 30 * r.nextGaussian(), 30 * r.nextGaussian(), 1e-300 * r.nextGaussian());
            pe[i] = -6 + r.nextGaussian() / 3;
        }
        Frame f = new Frame(timestep, timestep * 0.005, BOX, p, CoordinateKind.WRAPPED, true, true, true);
        f.putExtra("c_peatom", pe);
        return f;
    }

    /** Slot in {@code f} of the particle with the given id (linear search; tests are small). */
    static int slotOf(Frame f, long id) {
        for (int i = 0; i < f.size(); i++) if (f.particles().id(i) == id) return i;
        throw new AssertionError("id " + id + " not found");
    }

    static void assertIdsAscending(Frame f) {
        for (int i = 1; i < f.size(); i++) {
            if (f.particles().id(i - 1) >= f.particles().id(i)) throw new AssertionError("ids not ascending at slot " + i);
        }
    }

    /** Asserts that {@code read} holds the same particles as {@code orig} (matched by id). */
    static void assertSameParticles(Frame orig, Frame read, boolean images, double posTol, boolean vel, boolean force) {
        assertEquals(orig.size(), read.size());
        assertIdsAscending(read);
        for (int k = 0; k < read.size(); k++) {
            ParticleStore q = read.particles();
            int i = slotOf(orig, q.id(k));
            ParticleStore p = orig.particles();
            assertEquals(p.species(i), q.species(k), "species of id " + q.id(k));
            for (int a = 0; a < 3; a++) {
                if (posTol == 0) assertEquals(p.pos(i, a), q.pos(k, a), "pos");
                else assertEquals(p.pos(i, a), q.pos(k, a), posTol, "pos");
                if (images) assertEquals(p.image(i, a), q.image(k, a), "image");
                else assertEquals(0, q.image(k, a), "image");
                if (vel) assertEquals(p.vel(i, a), q.vel(k, a), "vel");
                if (force) assertEquals(p.force(i, a), q.force(k, a), "force");
            }
        }
    }
}
