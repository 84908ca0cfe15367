package org.softglass.core.rearrange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.testutil.FileEdits;

/** p_hop against the literal DESIGN §4 formula and closed forms; streaming, files and determinism. */
class PhopTest {
    @TempDir Path dir;

    private static Trajectories.Collect run(Path traj, double tR, int threads) throws IOException {
        Trajectories.Collect c = new Trajectories.Collect();
        try (Parallel par = new Parallel(threads)) {
            PhopRun.run(traj, tR, 0.005, par, c, f -> {});
        }
        return c;
    }

    /**
     * Every value equals the direct evaluation. Tolerance 1e-12 σ²: the dump holds wrapped x plus image
     * flags, so the unwrapped positions read back differ from the exact ones by a few ulps of 10σ
     * (≈ 2e-15); the sums of h + 1 ≤ 11 squares of O(1) differences keep the error below 1e-13.
     */
    private static void assertMatchesDirect(Trajectories.Traj t, Trajectories.Collect c, int h) {
        assertEquals(t.frames(), c.rows.size());
        assertEquals(t.frames(), c.frames);
        assertEquals(h, c.header.halfWindow());
        for (int f = 0; f < t.frames(); f++) {
            for (int i = 0; i < t.size(); i++) {
                double want = Trajectories.direct(t.pos(), h, f, i), got = c.rows.get(f)[i];
                if (Double.isNaN(want)) assertTrue(Double.isNaN(got), "frame " + f + " slot " + i + " should be NaN");
                else assertEquals(want, got, 1e-12, "frame " + f + " slot " + i);
            }
        }
    }

    @Test
    void handMadeTrajectoryMatchesTheDefinitionAndClosedForms() throws IOException {
        Trajectories.Traj t = Trajectories.handMade();
        Path traj = Trajectories.write(t, dir.resolve("hand.dump"), LammpsDumpWriter.WRAPPED_IMAGES);
        Trajectories.Collect c = run(traj, 4.0, 1); // Δ = 200 × 0.005 = 1τ, h = 2
        assertMatchesDirect(t, c, 2);
        // closed forms for a single unit hop between frames 9 and 10 with h = 2 (worked out by hand):
        // t = 8: sqrt((1/9)(1/3)) = sqrt(1/27); t = 9, 10: sqrt((4/9)(2/3)) = sqrt(8/27); t = 11: sqrt(1/27); else 0
        double[] hop = new double[25];
        hop[8] = hop[11] = Math.sqrt(1.0 / 27);
        hop[9] = hop[10] = Math.sqrt(8.0 / 27);
        for (int f = 2; f < 23; f++) assertEquals(hop[f], c.rows.get(f)[0], 1e-12, "hop-once particle, frame " + f);
        // the steady drift across the periodic boundary (id 4) is the same at every frame: unwrapping works
        double drift = c.rows.get(2)[3];
        for (int f = 2; f < 23; f++) assertEquals(drift, c.rows.get(f)[3], 1e-12, "drift, frame " + f);
        // linear motion x = v k, h = 2: A = {-2v, -v, 0}, B = {0, v, 2v} around the centre; both terms are
        // v² (9 + 4 + 1)/3, so p_hop = 14 v² / 3 with v = 0.05
        assertEquals(14 * 0.0025 / 3, drift, 1e-12);
        // vibrating particle: small; still particle: zero (to round-off of reading 8.5 back)
        for (int f = 2; f < 23; f++) {
            assertTrue(c.rows.get(f)[1] < 2e-4, "vibration frame " + f);
            assertEquals(0.0, c.rows.get(f)[4], 1e-20);
        }
        // times are timestep × dt
        assertEquals(3 * 200 * 0.005, c.times.get(3), 1e-15);
    }

    @Test
    void unwrappedColumnsGiveTheSameValues() throws IOException {
        Trajectories.Traj t = Trajectories.handMade();
        Trajectories.Collect a = run(Trajectories.write(t, dir.resolve("a.dump"), LammpsDumpWriter.WRAPPED_IMAGES), 4.0, 1);
        Trajectories.Collect b = run(Trajectories.write(t, dir.resolve("b.dump"), LammpsDumpWriter.UNWRAPPED), 4.0, 1);
        // same positions up to the ulps of unwrapping (see assertMatchesDirect)
        for (int f = 0; f < t.frames(); f++) assertArrayEquals(a.rows.get(f), b.rows.get(f), 1e-12);
    }

    @Test
    void randomTrajectoryMatchesTheDefinitionAndIsIdenticalForAnyThreadCount() throws IOException {
        Trajectories.Traj t = Trajectories.random(1100, 20, 0.1, 7);
        Path traj = Trajectories.write(t, dir.resolve("rnd.dump.gz"), LammpsDumpWriter.WRAPPED_IMAGES);
        Trajectories.Collect one = run(traj, 6.0, 1); // h = 3
        assertMatchesDirect(t, one, 3);
        Trajectories.Collect three = run(traj, 6.0, 3);
        for (int f = 0; f < t.frames(); f++) assertArrayEquals(one.rows.get(f), three.rows.get(f), 0.0, "frame " + f);
    }

    @Test
    void windowIsRoundedToWholeFrames() throws IOException {
        Trajectories.Traj t = Trajectories.random(20, 12, 0.1, 3);
        Path traj = Trajectories.write(t, dir.resolve("r.dump"), LammpsDumpWriter.WRAPPED_IMAGES);
        // t_R/2 = 2.6τ at Δ = 1τ rounds to h = 3 frames; effective t_R = 6τ
        Trajectories.Collect c = run(traj, 5.2, 1);
        assertEquals(3, c.header.halfWindow());
        assertEquals(6.0, c.header.effectiveTR(), 1e-15);
        assertMatchesDirect(t, c, 3);
    }

    @Test
    void filesRoundTripAndReplay() throws IOException {
        Trajectories.Traj t = Trajectories.handMade();
        Path traj = Trajectories.write(t, dir.resolve("hand.dump"), LammpsDumpWriter.WRAPPED_IMAGES);
        Path out = dir.resolve("out");
        java.nio.file.Files.createDirectories(out);
        Trajectories.Collect direct = new Trajectories.Collect();
        PhopFiles.Writer w = PhopFiles.writer(out);
        try (Parallel par = new Parallel(2)) {
            PhopRun.run(traj, 4.0, 0.005, par, PhopSink.tee(w, direct), f -> {});
        }
        NpyArray a = NpyReader.read(PhopFiles.npy(out));
        assertArrayEquals(new long[] {25, 5}, a.shape());
        for (int f = 0; f < 25; f++) {
            for (int i = 0; i < 5; i++) assertEquals(direct.rows.get(f)[i], a.get(f, i), 0.0);
        }
        Trajectories.Collect replayed = new Trajectories.Collect();
        PhopRun.Result r = PhopFiles.replay(out, replayed);
        assertEquals(25, r.frames());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, replayed.header.ids());
        assertArrayEquals(new int[] {1, 1, 2, 1, 2}, replayed.header.types());
        assertEquals(2, replayed.header.halfWindow());
        for (int f = 0; f < 25; f++) assertArrayEquals(direct.rows.get(f), replayed.rows.get(f), 0.0);
        // no temporary files are left
        try (var s = java.nio.file.Files.list(out)) {
            assertEquals(java.util.Set.of("phop.npy", "phop.json"),
                    s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    /**
     * Issue 20: every header field of phop.json is checked against the others (and the record of the
     * trajectory is there); an edited field used to be taken at its word.
     */
    @Test
    void replayRefusesInconsistentHeaderFields() throws IOException {
        Trajectories.Traj t = Trajectories.handMade();
        Path traj = Trajectories.write(t, dir.resolve("hand.dump"), LammpsDumpWriter.WRAPPED_IMAGES);
        Path out = java.nio.file.Files.createDirectories(dir.resolve("out"));
        PhopFiles.Writer w = PhopFiles.writer(out);
        try (Parallel par = new Parallel(1)) {
            PhopRun.run(traj, 4.0, 0.005, par, w, f -> {});
        }
        assertEquals(org.softglass.core.io.TrajectoryRef.of(traj), PhopFiles.trajectory(out));
        String json = java.nio.file.Files.readString(PhopFiles.json(out));
        String[][] edits = {
            {"\"frame_spacing\" : 1.0", "\"frame_spacing\" : 2.0", "\"frame_spacing\" is 2.0, expected 1.0"},
            {"\"half_window_frames\" : 2", "\"half_window_frames\" : 13", "\"half_window_frames\" is 13, expected an integer h >= 1 with 2h + 1 <= 25 frames"},
            {"\"dt\" : 0.005", "\"dt\" : 0.01", "\"times\"[1] is 1.0, expected timestep x dt = 200 x 0.01 = 2.0"},
            {"\"types\" : [ 1, 1, 2, 1, 2 ]", "\"types\" : [ 1, 1, 0, 1, 2 ]", "\"types\"[2] is 0, expected a LAMMPS type >= 1"},
        };
        FileEdits.assertEachRefused(PhopFiles.json(out), json, edits, () -> PhopFiles.replay(out, new Trajectories.Collect()));
    }
}
