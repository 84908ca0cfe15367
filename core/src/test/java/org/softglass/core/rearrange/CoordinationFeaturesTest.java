package org.softglass.core.rearrange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softglass.core.io.Frame;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;

/** Partial coordination numbers against an O(N²) count. */
class CoordinationFeaturesTest {
    @Test
    void countsNeighboursOfEachSpeciesLikeBruteForce() {
        Box box = Box.cubic(6.0);
        ParticleStore p = Configs.random(259, box, 0.8, 0.8, 3);
        int[] slots = {0, 5, 258, 17, 100, 207};
        double[] out = new double[slots.length * 2];
        try (Frame f = Frame.of(0, box, p); CoordinationFeatures c = new CoordinationFeatures(2, 1.5, 2)) {
            c.compute(f, slots, out);
            for (int r = 0; r < slots.length; r++) {
                int i = slots[r];
                int[] n = new int[2];
                for (int j = 0; j < p.size(); j++) {
                    if (j != i && box.distanceSquared(p.x(i), p.y(i), p.z(i), p.x(j), p.y(j), p.z(j)) < 1.5 * 1.5) n[p.species(j)]++;
                }
                assertEquals(n[0], out[2 * r], 0.0, "A neighbours of slot " + i);
                assertEquals(n[1], out[2 * r + 1], 0.0, "B neighbours of slot " + i);
            }
            List<Map<String, Object>> cols = c.columnDescriptions();
            assertEquals("n_A(r<1.5)", cols.get(0).get("name"));
            assertEquals("B", cols.get(1).get("species"));
            assertEquals(1.5, c.rmax());
        }
    }
}
