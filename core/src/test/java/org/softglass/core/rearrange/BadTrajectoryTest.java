package org.softglass.core.rearrange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;

/** Each kind of unusable trajectory gives a one-line error naming the file and frame. */
class BadTrajectoryTest {
    @TempDir Path dir;

    /** A frame of the given ids at x = id (all type 1). */
    private static ParticleStore frame(long... ids) {
        ParticleStore s = ParticleStore.allocate(ids.length);
        for (int i = 0; i < ids.length; i++) {
            s.setId(i, ids[i]);
            s.setPosition(i, ids[i] % 10, 1, 1);
        }
        return s;
    }

    private Path write(String name, List<String> cols, long[] steps, long[]... ids) throws IOException {
        Path f = dir.resolve(name);
        LammpsDumpWriter.write(f, cols, w -> {
            for (int k = 0; k < steps.length; k++) {
                try (ParticleStore s = frame(ids[k])) {
                    w.write(steps[k], Trajectories.BOX, s, java.util.Map.of());
                }
            }
        });
        return f;
    }

    private static String fail(Path traj, double tR) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> {
            try (Parallel par = new Parallel(1)) {
                PhopRun.run(traj, tR, 0.005, par, new Trajectories.Collect(), f -> {});
            }
        });
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(traj.getFileName() + ": "), e.getMessage());
        return e.getMessage();
    }

    private static final long[] ABC = {1, 2, 3};
    private static final List<String> COLS = LammpsDumpWriter.WRAPPED_IMAGES;

    @Test
    void missingParticle() throws IOException {
        Path t = write("missing.dump", COLS, new long[] {0, 200, 400, 600}, ABC, ABC, ABC, new long[] {1, 3});
        assertEquals("missing.dump: frame 3 (timestep 600): missing particles: id 2 of frame 0 is absent (2 particles: changing N),"
                + " expected the 3 particles of frame 0", fail(t, 2));
    }

    @Test
    void swappedParticleWithSameCount() throws IOException {
        Path t = write("swap.dump", COLS, new long[] {0, 200, 400}, ABC, new long[] {1, 2, 7}, ABC);
        assertEquals("swap.dump: frame 1 (timestep 200): missing particles: id 3 of frame 0 is absent, and id 7 was not in frame 0"
                + " (3 particles), expected the 3 particles of frame 0", fail(t, 2));
    }

    @Test
    void changingN() throws IOException {
        Path t = write("more.dump", COLS, new long[] {0, 200, 400}, ABC, ABC, new long[] {1, 2, 3, 4});
        assertTrue(fail(t, 2).startsWith("more.dump: frame 2 (timestep 400): id 4 was not in frame 0 (4 particles: changing N)"));
    }

    @Test
    void nonMonotonicTime() throws IOException {
        Path t = write("back.dump", COLS, new long[] {0, 200, 400, 400}, ABC, ABC, ABC, ABC);
        assertEquals("back.dump: frame 3 (timestep 400): non-monotonic time: timestep 400 after timestep 400, expected increasing timesteps",
                fail(t, 2));
    }

    @Test
    void nonUniformSpacing() throws IOException {
        Path t = write("gap.dump", COLS, new long[] {0, 200, 400, 800}, ABC, ABC, ABC, ABC);
        assertTrue(fail(t, 2).startsWith("gap.dump: frame 3 (timestep 800): non-uniform frame spacing: 400 timesteps since the previous frame, expected 200"));
    }

    @Test
    void tooFewFramesForTheWindow() throws IOException {
        Path t = write("short.dump", COLS, new long[] {0, 200, 400, 600}, ABC, ABC, ABC, ABC);
        // Δ = 1τ, t_R = 10τ → h = 5 → 11 frames needed
        assertEquals("short.dump: 4 frames are too few for the p_hop window t_R = 10.0 τ: expected at least 11 frames"
                + " (2h + 1 with half window h = 5 frames = round((t_R/2)/Δ), Δ = 1.0 τ)", fail(t, 10));
        Path one = write("one.dump", COLS, new long[] {0}, ABC);
        assertTrue(fail(one, 10).contains("1 frame is too few"));
    }

    @Test
    void wrappedPositionsWithoutImages() throws IOException {
        Path t = write("wrapped.dump", LammpsDumpWriter.WRAPPED, new long[] {0, 200, 400}, ABC, ABC, ABC);
        assertTrue(fail(t, 2).startsWith("wrapped.dump: frame 0 (timestep 0): wrapped positions without image flags"));
    }

    @Test
    void windowShorterThanAFrame() throws IOException {
        Path t = write("ok.dump", COLS, new long[] {0, 200, 400}, ABC, ABC, ABC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try (Parallel par = new Parallel(1)) {
                PhopRun.run(t, 0.8, 0.005, par, new Trajectories.Collect(), f -> {});
            }
        });
        assertEquals("t_R/2 = 0.4 τ rounds to 0 frame intervals of 1.0 τ, expected at least 1", e.getMessage());
    }
}
