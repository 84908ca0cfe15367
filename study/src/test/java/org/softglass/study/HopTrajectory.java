package org.softglass.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * A hand-made trajectory with a known answer: {@value #FRAMES} frames {@value #STEPS} steps apart (1 τ at
 * dt = {@value #DT}), box 10, four type-1 particles far apart; id 1 hops +1 σ in x between frames {@value #HOP} − 1 and
 * {@value #HOP}, the others never move.
 */
public final class HopTrajectory {
    public static final int FRAMES = 21, HOP = 10, N = 4;
    public static final long STEPS = 100;
    public static final double DT = 0.01;

    private HopTrajectory() {}

    /** Writes the trajectory (wrapped positions with image flags) to {@code file}. */
    public static Path write(Path file) throws IOException {
        Box box = Box.cubic(10);
        LammpsDumpWriter.write(file, LammpsDumpWriter.WRAPPED_IMAGES, w -> {
            for (int k = 0; k < FRAMES; k++) {
                try (ParticleStore s = ParticleStore.allocate(N)) {
                    for (int i = 0; i < N; i++) {
                        s.setId(i, i + 1);
                        s.setSpecies(i, 0);
                        s.setPosition(i, 2 + 2 * i + (i == 0 && k >= HOP ? 1 : 0), 5, 5);
                    }
                    s.wrapInto(box);
                    w.write(STEPS * k, box, s, Map.of());
                }
            }
        });
        return file;
    }
}
