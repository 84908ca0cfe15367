package org.softglass.cli.structure;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.md.QuenchCommandTest;
import org.softglass.cli.softness.SoftnessFixtures;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;

/** {@code phop}, {@code events}, {@code softness} on a trajectory, {@code d2min} end to end ({@code trainset}: TrainsetCommandTest). */
class RearrangeCommandsTest {
    @TempDir Path dir;

    /** {@link HandMadeTrajectory#write} in this test's folder. */
    private Path handMade(String name, int drop) throws IOException {
        return HandMadeTrajectory.write(dir, name, drop);
    }

    @Test
    void phopMatchesTheDefinitionOnTheFixtureAndIsThreadIndependent() throws IOException {
        Path traj = QuenchCommandTest.firstFrames(dir, 12);
        CliRunner.Result r = CliRunner.run("phop", traj.toString(), "--tr", "4", "--out", dir.resolve("p1").toString(), "--threads", "1", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        CliRunner.Result r2 = CliRunner.run("phop", traj.toString(), "--tr", "4", "--out", dir.resolve("p2").toString(), "--threads", "2", "--quiet");
        assertEquals(0, r2.code(), r2.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("p1/phop.npy")), Files.readAllBytes(dir.resolve("p2/phop.npy")));
        NpyArray a = NpyReader.read(dir.resolve("p1/phop.npy"));
        assertArrayEquals(new long[] {12, 1000}, a.shape());
        // direct evaluation of DESIGN §4 from the unwrapped positions (x + ix L) read back
        double[][][] pos = new double[12][1000][3];
        try (LammpsDumpReader rd = LammpsDumpReader.open(traj)) {
            for (int k = 0; k < 12; k++) {
                try (Frame f = rd.next()) {
                    for (int i = 0; i < 1000; i++) for (int ax = 0; ax < 3; ax++) pos[k][i][ax] = f.particles().unwrapped(i, ax, f.box());
                }
            }
        }
        int h = 2;
        for (int t = 0; t < 12; t++) {
            for (int i = 0; i < 1000; i += 7) {
                if (t < h || t >= 12 - h) {
                    assertTrue(Double.isNaN(a.get(t, i)));
                    continue;
                }
                double[] mA = new double[3], mB = new double[3];
                for (int ax = 0; ax < 3; ax++) {
                    for (int k = t - h; k <= t; k++) mA[ax] += pos[k][i][ax] / (h + 1);
                    for (int k = t; k <= t + h; k++) mB[ax] += pos[k][i][ax] / (h + 1);
                }
                double ta = 0, tb = 0;
                for (int ax = 0; ax < 3; ax++) {
                    for (int k = t - h; k <= t; k++) ta += Math.pow(pos[k][i][ax] - mB[ax], 2) / (h + 1);
                    for (int k = t; k <= t + h; k++) tb += Math.pow(pos[k][i][ax] - mA[ax], 2) / (h + 1);
                }
                // summation order differs from the implementation: round-off of O(10) coordinates, 1e-12
                assertEquals(Math.sqrt(ta * tb), a.get(t, i), 1e-12, "frame " + t + " particle " + i);
            }
        }
        JsonNode j = new ObjectMapper().readTree(dir.resolve("p1/phop.json").toFile());
        assertEquals("softglass.phop/1", j.get("schema").asText());
        assertEquals(2, j.get("half_window_frames").asInt());
        assertEquals(12, j.get("timesteps").size());
        assertEquals(2200, j.get("timesteps").get(11).asLong());
        assertEquals(11.0, j.get("times").get(11).asDouble(), 1e-12);
        assertEquals(1000, j.get("ids").size());
        assertEquals(2, j.get("types").get(999).asInt());
        assertTrue(Files.isRegularFile(dir.resolve("p1/phop.manifest.json")));
    }

    @Test
    void eventsFromTrajectoryAndFromPhopDirectoryAgree() throws IOException {
        Path traj = handMade("hand.dump", -1);
        assertEquals(0, CliRunner.run("phop", traj.toString(), "--tr", "4", "--out", dir.resolve("ph").toString(), "--quiet").code());
        CliRunner.Result a = CliRunner.run("events", traj.toString(), "--tr", "4", "--out", dir.resolve("a.csv").toString(), "--quiet");
        CliRunner.Result b = CliRunner.run("events", dir.resolve("ph").toString(), "--out", dir.resolve("b.csv").toString(), "--quiet");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        List<String> csv = Files.readAllLines(dir.resolve("a.csv"));
        assertEquals(csv, Files.readAllLines(dir.resolve("b.csv")));
        assertEquals("id,type,frame_start,frame_end,frame_peak,t_start,t_end,p_star", csv.get(0));
        assertEquals(4, csv.size()); // the three hops (see the core EventsAndLabelsTest)
        assertTrue(csv.get(1).startsWith("1,1,8,12,"));
        assertTrue(csv.get(2).startsWith("3,2,6,10,"));
        assertTrue(csv.get(3).startsWith("3,2,12,16,"));
        assertEquals(Math.sqrt(8.0 / 27), Double.parseDouble(csv.get(1).split(",")[7]), 1e-12);
        assertTrue(Files.isRegularFile(dir.resolve("a.csv.manifest.json")));
        CliRunner.Result empty = CliRunner.run("events", dir.toString(), "--out", dir.resolve("c.csv").toString(), "--quiet");
        assertEquals(ExitCodes.USAGE, empty.code());
        assertTrue(empty.err().contains("is a directory without phop.json"), empty.err());
    }

    @Test
    void softnessAppliedToATrajectoryUsesTheModelsDescriptorSet() throws IOException {
        Path traj = QuenchCommandTest.firstFrames(dir, 6);
        CliRunner.Result r = SoftnessFixtures.trainsetTails(traj, "tails", "B", "ss-166", "0.05", dir.resolve("t"));
        assertEquals(0, r.code(), r.err());
        Path model = dir.resolve("model.json");
        r = CliRunner.run("train", dir.resolve("t").toString(), "--out", model.toString(), "--folds", "0", "--quiet");
        assertEquals(0, r.code(), r.err());
        r = CliRunner.run("softness", model.toString(), traj.toString(), "--out", dir.resolve("s1").toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        r = CliRunner.run("descriptors", traj.toString(), "--preset", "ss-166", "--species", "B", "--dtype", "f8",
                "--out", dir.resolve("d").toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        r = CliRunner.run("softness", model.toString(), dir.resolve("d").toString(), "--out", dir.resolve("s2").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        NpyArray a = NpyReader.read(dir.resolve("s1/softness.npy")), b = NpyReader.read(dir.resolve("s2/softness.npy"));
        assertEquals(6 * 200, a.rows(), "6 frames x 200 B particles");
        assertArrayEquals(b.doubles(), a.doubles());
        // a model without a recorded preset needs --preset or --spec
        String json = Files.readString(model).replace("\"preset\" : \"ss-166\"", "\"preset\" : null");
        Files.writeString(model, json);
        r = CliRunner.run("softness", model.toString(), traj.toString(), "--out", dir.resolve("s3").toString(), "--quiet");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("records no descriptor preset"), r.err());
    }

    @Test
    void d2minWritesOneRowPerParticle() throws IOException {
        Path traj = QuenchCommandTest.firstFrames(dir, 4);
        CliRunner.Result r = CliRunner.run("d2min", traj.toString(), "--from", "0", "--to", "3", "--out", dir.resolve("d.csv").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("d.csv"));
        assertEquals("id,type,d2min,neighbors", rows.get(0));
        assertEquals(1001, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertTrue(Double.parseDouble(f[2]) >= 0);
            assertTrue(Integer.parseInt(f[3]) >= 8, "first shell of a dense liquid");
        }
        CliRunner.Result bad = CliRunner.run("d2min", traj.toString(), "--from", "0", "--to", "9", "--out", dir.resolve("e.csv").toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, bad.code());
        assertEquals("softglass: three.dump: has 4 frames, expected at least 10 for --to 9\n", bad.err());
        assertFalse(Files.exists(dir.resolve("e.csv")));
    }

    @Test
    void badInputGivesOneLineAndNoOutput() throws IOException {
        Path traj = handMade("holes.dump", 3);
        CliRunner.Result r = CliRunner.run("phop", traj.toString(), "--tr", "4", "--out", dir.resolve("o").toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, r.code());
        assertEquals("softglass: holes.dump: frame 3 (timestep 600): missing particles: id 2 of frame 0 is absent"
                + " (4 particles: changing N), expected the 5 particles of frame 0\n", r.err());
        assertFalse(Files.exists(dir.resolve("o")), "no partial output: not even the directory the refused command created");
        CliRunner.Result t = CliRunner.run("trainset", traj.toString(), "--out", dir.resolve("q").toString(), "--quiet");
        assertEquals(ExitCodes.USAGE, t.code());
        assertTrue(t.err().startsWith("softglass: --tau-c is required with --mode softness"), t.err());
        CliRunner.Result m = CliRunner.run("trainset", handMade("ok.dump", -1).toString(), "--mode", "bogus", "--out", dir.resolve("q").toString(), "--quiet");
        assertEquals(ExitCodes.USAGE, m.code());
        CliRunner.Result none = CliRunner.run("trainset", dir.resolve("ok.dump").toString(), "--tr", "4", "--tau-c", "4",
                "--species", "all", "--out", dir.resolve("n").toString(), "--quiet");
        assertEquals(ExitCodes.FAILED, none.code());
        assertTrue(none.err().startsWith("softglass: no balanced training set: 0 label-1 and 16 label-0 candidates"), none.err());
    }
}
