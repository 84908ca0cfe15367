package org.softglass.core.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;

/** Lists built without sorting rows hold the same neighbours, in an order independent of the thread count. */
class UnsortedRowsTest {
    @Test
    void sameSetsAsSortedAndThreadIndependent() {
        int n = 2003;
        Box box = Box.cubicForDensity(n, 1.2);
        try (ParticleStore p = Configs.random(n, box, 0.8, 0.7, 5)) {
            for (NeighborList.Kind kind : NeighborList.Kind.values()) {
                NeighborList sorted, u1, u2;
                try (NeighborListBuilder b = new NeighborListBuilder(box, 2.8, 1)) { sorted = b.build(p, kind); }
                try (NeighborListBuilder b = new NeighborListBuilder(box, 2.8, 1).sortedRows(false)) { u1 = b.build(p, kind); }
                try (NeighborListBuilder b = new NeighborListBuilder(box, 2.8, 3).sortedRows(false)) { u2 = b.build(p, kind); }
                int unsortedRows = 0;
                for (int i = 0; i < n; i++) {
                    int[] r = u1.row(i);
                    assertArrayEquals(r, u2.row(i), "thread count changed row " + i);
                    int[] s = r.clone();
                    Arrays.sort(s);
                    if (!Arrays.equals(s, r)) unsortedRows++;
                    assertArrayEquals(sorted.row(i), s, "row " + i);
                }
                assertEquals(sorted.entries(), u1.entries());
                org.junit.jupiter.api.Assertions.assertTrue(unsortedRows > 0, "the option must actually skip the sort");
                sorted.close(); u1.close(); u2.close();
            }
        }
    }
}
