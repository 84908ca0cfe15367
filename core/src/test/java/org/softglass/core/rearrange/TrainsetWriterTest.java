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
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.particles.ParticleStore;

/** The training-set files: rows aligned with samples, features of the structure frame, stats. */
class TrainsetWriterTest {
    @TempDir Path dir;

    @Test
    void writesAlignedSamplesFeaturesAndStats() throws IOException {
        Written w = written(120, 8);
        Trajectories.Traj t = w.t();
        SampleList s = new SampleList();
        s.add(6, 7, 1, 0.9);
        s.add(1, 3, 0, 0.01);
        s.add(1, 100, 1, 0.7);
        s.add(4, 0, 0, 0.015);
        SampleList sorted = s.sorted();
        Path out = w.out();
        TrainsetWriter.Result r = w.write(null, sorted);
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

    /** A random trajectory (Trajectories.random, step 0.05, seed 4) written to t.dump, and the empty output directory out. */
    private record Written(Trajectories.Traj t, Path traj, Path out) {
        /** TrainsetWriter.write of the samples, coordination features (2 species, r &lt; 1.5σ, 1 thread), dt 0.005, all centres, into out. */
        TrainsetWriter.Result write(long[] timesteps, SampleList samples) throws IOException {
            try (CoordinationFeatures fs = new CoordinationFeatures(2, 1.5, 1)) {
                return TrainsetWriter.write(traj, TrajectoryRef.of(traj), 0.005, t.ids(), timesteps, samples, fs, "all", out, f -> {});
            }
        }
    }

    private Written written(int particles, int frames) throws IOException {
        Trajectories.Traj t = Trajectories.random(particles, frames, 0.05, 4);
        Path traj = Trajectories.write(t, dir.resolve("t.dump"), LammpsDumpWriter.WRAPPED_IMAGES);
        return new Written(t, traj, Files.createDirectories(dir.resolve("out")));
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
        Written w = written(50, 4);
        SampleList s = new SampleList();
        s.add(1, 3, 0, 0.01);
        s.add(9, 3, 1, 0.8);
        InputFormatException e = assertThrows(InputFormatException.class, () -> w.write(null, s));
        assertEquals("t.dump: ends after 4 frames, but a sample needs frame 9", e.getMessage());
        // p_hop data from another trajectory (other timesteps) with the same particles is refused
        SampleList one = new SampleList();
        one.add(2, 3, 0, 0.01);
        e = assertThrows(InputFormatException.class, () -> w.write(new long[] {0, 100, 200, 300}, one));
        assertTrue(e.getMessage().contains("does not match the p_hop data (timestep 100 there)"), e.getMessage());
        try (var files = Files.list(w.out())) {
            assertFalse(files.findAny().isPresent(), "nothing written");
        }
    }
}
