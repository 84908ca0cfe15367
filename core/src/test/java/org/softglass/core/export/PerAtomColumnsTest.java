package org.softglass.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.softness.SoftnessTable;

/**
 * {@link PerAtomColumns}: values land on the slot of their particle id (slots not in id order), NaN
 * where a product has no value, and a product whose recorded timestep of a frame differs from the
 * trajectory's is refused with its source named.
 */
class PerAtomColumnsTest {
    private static final double NaN = Double.NaN;

    /** Four particles with ids 3, 1, 4, 2 in slots 0..3. */
    private static ParticleStore store() {
        ParticleStore p = ParticleStore.allocate(4);
        long[] ids = {3, 1, 4, 2};
        for (int i = 0; i < 4; i++) p.setId(i, ids[i]);
        return p;
    }

    private static SoftnessTable softness() {
        // frame 0 (timestep 100): ids 1, 3; frame 1 (timestep 200): id 2
        return new SoftnessTable(new double[] {0.5, -0.2, 1.0}, new long[][] {{0, 100, 1}, {0, 100, 3}, {1, 200, 2}});
    }

    private static PhopTable phop() {
        return new PhopTable(new double[][] {{0.1, NaN, 0.3, 0.4}, {0.01, 0.02, 0.03, 0.04}}, new double[] {0.5, 1.0},
                new long[] {100, 200}, new long[] {1, 2, 3, 4}, "phopdir");
    }

    @Test
    void valuesGoToTheSlotOfTheirId() {
        PerAtomColumns c = new PerAtomColumns(softness(), "softdir", phop());
        assertEquals(List.of("softness", "p_hop"), c.names());
        try (ParticleStore p = store()) {
            Map<String, double[]> f0 = c.of(0, 100, p);
            assertArrayEquals(new double[] {-0.2, 0.5, NaN, NaN}, f0.get("softness"), 0.0);
            assertArrayEquals(new double[] {0.3, 0.1, 0.4, NaN}, f0.get("p_hop"), 0.0);
            Map<String, double[]> f1 = c.of(1, 200, p);
            assertArrayEquals(new double[] {NaN, NaN, NaN, 1.0}, f1.get("softness"), 0.0);
            assertArrayEquals(new double[] {0.03, 0.01, 0.04, 0.02}, f1.get("p_hop"), 0.0);
        }
    }

    @Test
    void onlyTheGivenProductsBecomeColumns() {
        try (ParticleStore p = store()) {
            assertEquals(List.of("p_hop"), List.copyOf(new PerAtomColumns(null, null, phop()).of(0, 100, p).keySet()));
            assertEquals(List.of("softness"), List.copyOf(new PerAtomColumns(softness(), "softdir", null).of(0, 100, p).keySet()));
        }
    }

    @Test
    void productsOfAnotherTrajectoryAreRefused() {
        try (ParticleStore p = store()) {
            InputFormatException s = assertThrows(InputFormatException.class, () -> new PerAtomColumns(softness(), "softdir", null).of(0, 150, p));
            assertTrue(s.getMessage().contains("softdir") && s.getMessage().contains("timestep 100"), s.getMessage());
            InputFormatException h = assertThrows(InputFormatException.class, () -> new PerAtomColumns(null, null, phop()).of(1, 150, p));
            assertTrue(h.getMessage().contains("phopdir") && h.getMessage().contains("timestep 200"), h.getMessage());
            InputFormatException beyond = assertThrows(InputFormatException.class, () -> new PerAtomColumns(null, null, phop()).of(2, 300, p));
            assertTrue(beyond.getMessage().contains("has 2 frames"), beyond.getMessage());
        }
    }

    @Test
    void scatteredRowsOfOneFrameAreRefused() {
        SoftnessTable bad = new SoftnessTable(new double[] {0.5, 1.0, -0.2}, new long[][] {{0, 100, 1}, {1, 200, 2}, {0, 100, 3}});
        InputFormatException e = assertThrows(InputFormatException.class, () -> new PerAtomColumns(bad, "softdir", null));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    }
}
