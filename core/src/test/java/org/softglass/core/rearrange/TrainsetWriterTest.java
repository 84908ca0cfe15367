package org.softglass.core.rearrange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;
import org.softglass.core.particles.ParticleStore;

/** The training-set files: rows aligned with samples, features of the structure frame, stats. */
class TrainsetWriterTest {
    @TempDir Path dir;

    @Test
    void writesAlignedSamplesFeaturesAndStats() throws IOException {
        Trajectories.Traj t = Trajectories.random(120, 8, 0.05, 4);
        Path traj = Trajectories.write(t, dir.resolve("t.dump"), LammpsDumpWriter.WRAPPED_IMAGES);
        SampleList s = new SampleList();
        s.add(6, 7, 1, 0.9);
        s.add(1, 3, 0, 0.01);
        s.add(1, 100, 1, 0.7);
        s.add(4, 0, 0, 0.015);
        SampleList sorted = s.sorted();
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        TrainsetWriter.Result r;
        try (CoordinationFeatures fs = new CoordinationFeatures(2, 1.5, 1)) {
            r = TrainsetWriter.write(traj, org.softglass.core.io.TrajectoryRef.of(traj), 0.005, t.ids(), null, sorted, fs, "all", out, f -> {});
        }
        List<String> csv = Files.readAllLines(out.resolve("samples.csv"));
        assertEquals(List.of("frame,timestep,id,type,label,phop",
                "1,200,10,1,0,0.01", "1,200,301,2,1,0.7", "4,800,1,2,0,0.015", "6,1200,22,1,1,0.9"), csv);
        NpyArray a = NpyReader.read(out.resolve("samples_features.npy"));
        assertEquals(4, a.rows());
        assertEquals(2, a.columns());
        double[][] want = new double[4][];
        for (int k = 0; k < 4; k++) want[k] = brute(t, sorted.frame(k), sorted.slot(k));
        double[] mean = new double[2], var = new double[2];
        for (int k = 0; k < 4; k++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(want[k][c], a.get(k, c), 0.0, "row " + k + " column " + c);
                mean[c] += want[k][c] / 4;
            }
        }
        for (int k = 0; k < 4; k++) for (int c = 0; c < 2; c++) var[c] += Math.pow(want[k][c] - mean[c], 2) / 4;
        JsonNode j = new ObjectMapper().readTree(out.resolve("features.json").toFile());
        assertEquals("softglass.features/1", j.get("schema").asText());
        assertEquals(4, j.get("rows").asInt());
        assertEquals("f8", j.get("dtype").asText());
        assertEquals("n_A(r<1.5)", j.get("columns").get(0).get("name").asText());
        for (int c = 0; c < 2; c++) {
            // Welford vs two-pass on 4 small integers: equal to round-off (1e-12)
            assertEquals(mean[c], j.get("mean").get(c).asDouble(), 1e-12);
            assertEquals(Math.sqrt(var[c]), j.get("std").get(c).asDouble(), 1e-12);
            assertEquals(mean[c], r.mean()[c], 1e-12);
        }
    }

    /** Neighbours of slot i by species within 1.5σ at frame f, O(N). */
    private static double[] brute(Trajectories.Traj t, int f, int i) {
        try (ParticleStore p = Trajectories.store(t, f)) {
            double[] n = new double[2];
            for (int j = 0; j < p.size(); j++) {
                if (j != i && Trajectories.BOX.distanceSquared(p.x(i), p.y(i), p.z(i), p.x(j), p.y(j), p.z(j)) < 2.25) n[p.species(j)]++;
            }
            return n;
        }
    }

    @Test
    void trajectoryEndingBeforeASampleLeavesNoFiles() throws IOException {
        Trajectories.Traj t = Trajectories.random(50, 4, 0.05, 4);
        Path traj = Trajectories.write(t, dir.resolve("t.dump"), LammpsDumpWriter.WRAPPED_IMAGES);
        SampleList s = new SampleList();
        s.add(1, 3, 0, 0.01);
        s.add(9, 3, 1, 0.8);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        try (CoordinationFeatures fs = new CoordinationFeatures(2, 1.5, 1)) {
            InputFormatException e = assertThrows(InputFormatException.class,
                    () -> TrainsetWriter.write(traj, org.softglass.core.io.TrajectoryRef.of(traj), 0.005, t.ids(), null, s, fs, "all", out, f -> {}));
            assertEquals("t.dump: ends after 4 frames, but a sample needs frame 9", e.getMessage());
            // p_hop data from another trajectory (other timesteps) with the same particles is refused
            SampleList one = new SampleList();
            one.add(2, 3, 0, 0.01);
            e = assertThrows(InputFormatException.class,
                    () -> TrainsetWriter.write(traj, org.softglass.core.io.TrajectoryRef.of(traj), 0.005, t.ids(), new long[] {0, 100, 200, 300}, one, fs, "all", out, f -> {}));
            assertTrue(e.getMessage().contains("does not match the p_hop data (timestep 100 there)"), e.getMessage());
        }
        try (var files = Files.list(out)) {
            assertFalse(files.findAny().isPresent(), "nothing written");
        }
    }
}
