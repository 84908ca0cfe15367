package org.softglass.cli.structure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/** The hand-made trajectory of the core p_hop tests, for the command tests of phop, events and trainset. */
public final class HandMadeTrajectory {
    private HandMadeTrajectory() {}

    /**
     * The hand-made trajectory of the core tests: 25 frames 200 steps apart (Δ = 1τ at dt 0.005), box 10;
     * id 1 (A) hops +1 in x between frames 9|10; id 2 (A) vibrates by ±0.01; id 3 (B) hops +1 in y
     * between 7|8 and back between 13|14; id 4 (A) drifts 0.05 per frame across the boundary; id 5 (B) still.
     */
    public static Path write(Path dir, String name, int drop) throws IOException {
        Path f = dir.resolve(name);
        Box box = Box.cubic(10);
        LammpsDumpWriter.write(f, LammpsDumpWriter.WRAPPED_IMAGES, w -> {
            for (int k = 0; k < 25; k++) {
                int n = k == drop ? 4 : 5;
                try (ParticleStore s = ParticleStore.allocate(n)) {
                    double[][] p = {{2 + (k >= 10 ? 1 : 0), 2, 2}, {5 + 0.01 * (k % 2 == 0 ? 1 : -1), 5, 5},
                        {8, 3 + (k >= 8 && k < 14 ? 1 : 0), 7}, {9.8 + 0.05 * k, 8, 2}, {5, 8.5, 8.5}};
                    int[] types = {1, 1, 2, 1, 2};
                    for (int i = 0, slot = 0; i < 5; i++) {
                        if (n == 4 && i == 1) continue; // frame `drop` loses id 2
                        s.setId(slot, i + 1);
                        s.setSpecies(slot, types[i] - 1);
                        s.setPosition(slot, p[i][0], p[i][1], p[i][2]);
                        slot++;
                    }
                    s.wrapInto(box);
                    w.write(200L * k, box, s, Map.of());
                }
            }
        });
        return f;
    }
}
