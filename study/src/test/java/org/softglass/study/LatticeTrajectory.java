package org.softglass.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * A hand-made trajectory with a known D²_min: a simple cubic lattice of {@value #N} type-1 particles, spacing 1, in a
 * periodic box of {@value #SIDE}, {@value #FRAMES} frames {@value #STEPS} steps apart. From frame 1 on every particle
 * is translated by (0.05, 0, 0) (an affine map: D²_min = 0) and particle id 1 by a further {@value #KICK} in x: with its
 * 18 neighbours within 1.5 (6 at distance 1, 12 at √2) symmetric about it, the best affine map is the identity and
 * D²_min(id 1) = 18 × {@value #KICK}².
 */
public final class LatticeTrajectory {
    public static final int SIDE = 4, N = SIDE * SIDE * SIDE, FRAMES = 3;
    public static final long STEPS = 100;
    public static final double KICK = 0.1;

    private LatticeTrajectory() {}

    /** Writes the trajectory (wrapped positions with image flags) to {@code file}. */
    public static Path write(Path file) throws IOException {
        Box box = Box.cubic(SIDE);
        LammpsDumpWriter.write(file, LammpsDumpWriter.WRAPPED_IMAGES, w -> {
            for (int k = 0; k < FRAMES; k++) {
                try (ParticleStore s = ParticleStore.allocate(N)) {
                    int i = 0;
                    for (int a = 0; a < SIDE; a++) {
                        for (int b = 0; b < SIDE; b++) {
                            for (int c = 0; c < SIDE; c++, i++) {
                                s.setId(i, i + 1);
                                s.setSpecies(i, 0);
                                double shift = k == 0 ? 0 : 0.05 + (i == 0 ? KICK : 0);
                                s.setPosition(i, 0.5 + a + shift, 0.5 + b, 0.5 + c);
                            }
                        }
                    }
                    s.wrapInto(box);
                    w.write(STEPS * k, box, s, Map.of());
                }
            }
        });
        return file;
    }
}
