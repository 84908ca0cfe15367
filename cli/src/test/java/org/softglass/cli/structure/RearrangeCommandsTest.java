package org.softglass.cli.structure;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.md.QuenchCommandTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/** {@code phop}, {@code events}, {@code trainset}, {@code d2min} end to end. */
class RearrangeCommandsTest {
    @TempDir Path dir;

    /**
     * The hand-made trajectory of the core tests: 25 frames 200 steps apart (Δ = 1τ at dt 0.005), box 10;
     * id 1 (A) hops +1 in x between frames 9|10; id 2 (A) vibrates by ±0.01; id 3 (B) hops +1 in y
     * between 7|8 and back between 13|14; id 4 (A) drifts 0.05 per frame across the boundary; id 5 (B) still.
     */
    private Path handMade(String name, int drop) throws IOException {
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
    void trainsetSoftnessIsBalancedSeededAndLabelledRight() throws IOException {
        Path traj = handMade("hand.dump", -1);
        String[] common = {"trainset", traj.toString(), "--tr", "4", "--tau-c", "4", "--pc", "0.5", "--seed", "5", "--quiet", "--features", "coordination",
            "--species", "all"};
        CliRunner.Result r = CliRunner.run(concat(common, "--out", dir.resolve("t1").toString()));
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("t1/samples.csv"));
        assertEquals("frame,timestep,id,type,label,phop", rows.get(0));
        assertEquals(7, rows.size(), "3 rearranging + 3 stable");
        Set<String> ones = new HashSet<>(), zeros = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals(String.valueOf(200 * Integer.parseInt(f[0])), f[1]);
            (f[4].equals("1") ? ones : zeros).add(f[2] + "@" + f[0]);
        }
        // rearranging: structure 2 frames before t_start: id 3 at 6-2 and 12-2, id 1 at 8-2
        assertEquals(Set.of("3@4", "1@6", "3@10"), ones);
        // stable samples come from the interval middles (core test): ids 2, 4, 5 at 4, 9, 14, 19; id 1 at 4, 14, 19; id 3 at 18
        Set<String> stable = new HashSet<>();
        for (String id : new String[] {"2", "4", "5"}) for (String m : new String[] {"4", "9", "14", "19"}) stable.add(id + "@" + m);
        for (String m : new String[] {"4", "14", "19"}) stable.add("1@" + m);
        stable.add("3@18");
        assertEquals(3, zeros.size());
        assertTrue(stable.containsAll(zeros), zeros.toString());
        NpyArray feats = NpyReader.read(dir.resolve("t1/samples_features.npy"));
        assertArrayEquals(new long[] {6, 2}, feats.shape());
        // no particle has a neighbour within 1.5σ in this sparse box
        for (double v : feats.doubles()) assertEquals(0.0, v);
        JsonNode fj = new ObjectMapper().readTree(dir.resolve("t1/features.json").toFile());
        assertEquals(6, fj.get("rows").asInt());
        assertEquals("all", fj.get("center_species").asText());
        JsonNode man = new ObjectMapper().readTree(dir.resolve("t1/trainset.manifest.json").toFile());
        assertEquals(3, man.get("results").get("candidates_label1").asInt());
        assertEquals(16, man.get("results").get("candidates_label0").asInt());
        // same seed → same file; another seed draws other stable samples (3 of 16; fixed seeds, so deterministic)
        assertEquals(0, CliRunner.run(concat(common, "--out", dir.resolve("t2").toString())).code());
        assertEquals(rows, Files.readAllLines(dir.resolve("t2/samples.csv")));
        String[] other = common.clone();
        other[9] = "6";
        assertEquals(0, CliRunner.run(concat(other, "--out", dir.resolve("t3").toString())).code());
        assertFalse(rows.equals(Files.readAllLines(dir.resolve("t3/samples.csv"))));
        // p_hop reused from a phop directory: the same training set, no p_hop files written
        assertEquals(0, CliRunner.run("phop", traj.toString(), "--tr", "4", "--out", dir.resolve("ph").toString(), "--quiet").code());
        String[] reuse = concat(common, "--phop", dir.resolve("ph").toString(), "--out", dir.resolve("t4").toString());
        reuse[3] = "99"; // --tr is ignored with --phop
        CliRunner.Result r4 = CliRunner.run(reuse);
        assertEquals(0, r4.code(), r4.err());
        assertEquals(rows, Files.readAllLines(dir.resolve("t4/samples.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("t1/samples_features.npy")), Files.readAllBytes(dir.resolve("t4/samples_features.npy")));
        // without --species the samples come from A particles only, as in every paper: the hopping B particle
        // (id 3) gives none, so only id 1's hop is a rearranging candidate (1 + 1 samples)
        CliRunner.Result a = CliRunner.run(concat(java.util.Arrays.copyOf(common, common.length - 2), "--out", dir.resolve("t5").toString()));
        assertEquals(0, a.code(), a.err());
        List<String> aRows = Files.readAllLines(dir.resolve("t5/samples.csv"));
        assertEquals(3, aRows.size(), aRows.toString());
        for (String row : aRows.subList(1, aRows.size())) assertEquals("1", row.split(",")[3], "A particles only: " + row);
        assertTrue(aRows.stream().anyMatch(row -> row.startsWith("6,") && row.split(",")[2].equals("1") && row.split(",")[4].equals("1")), aRows.toString());
        assertFalse(Files.exists(dir.resolve("t4/phop.npy")));
    }

    @Test
    void trainsetTailsOnTheFixture() throws IOException {
        Path traj = QuenchCommandTest.firstFrames(dir, 14);
        CliRunner.Result r = CliRunner.run("trainset", traj.toString(), "--mode", "tails", "--tr", "4", "--tail-fraction", "0.002",
                "--species", "A", "--out", dir.resolve("t").toString(), "--quiet", "--threads", "2", "--features", "coordination");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("t/samples.csv"));
        // 10 defined frames × 800 A particles = 8000 values; 0.002 → 16 per tail
        assertEquals(33, rows.size());
        NpyArray ph = NpyReader.read(dir.resolve("t/phop.npy"));
        List<Double> a = new ArrayList<>();
        for (int t = 2; t < 12; t++) for (int i = 0; i < 800; i++) a.add(ph.get(t, i));
        a.sort(null);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals("1", f[3], "species A only");
            double p = Double.parseDouble(f[5]);
            if (f[4].equals("1")) assertTrue(p >= a.get(8000 - 16), "high tail " + p);
            else assertTrue(p <= a.get(15), "low tail " + p);
            // the structure frame is 2 frames before the p_hop frame: the value is found there in phop.npy
            int id = Integer.parseInt(f[2]);
            assertEquals(p, ph.get(Integer.parseInt(f[0]) + 2, id - 1), 0.0);
        }
        NpyArray feats = NpyReader.read(dir.resolve("t/samples_features.npy"));
        assertArrayEquals(new long[] {32, 2}, feats.shape());
        for (int k = 0; k < 32; k++) assertTrue(feats.get(k, 0) + feats.get(k, 1) > 5, "dense liquid: a full first shell");
    }

    /** 003 Fig. 8's control: label 0 = the 16 lowest A values, label 1 = 16 drawn among the A values above that cut. */
    @Test
    void trainsetImmobileRandomOnTheFixture() throws IOException {
        Path traj = QuenchCommandTest.firstFrames(dir, 14);
        CliRunner.Result r = CliRunner.run("trainset", traj.toString(), "--mode", "immobile-random", "--tr", "4", "--tail-fraction", "0.002",
                "--species", "A", "--out", dir.resolve("ir").toString(), "--quiet", "--threads", "2", "--features", "coordination");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("ir/samples.csv"));
        assertEquals(33, rows.size());
        NpyArray ph = NpyReader.read(dir.resolve("ir/phop.npy"));
        List<Double> a = new ArrayList<>();
        for (int t = 2; t < 12; t++) for (int i = 0; i < 800; i++) a.add(ph.get(t, i));
        a.sort(null);
        double cut = a.get(15);
        int ones = 0, aboveUpperTail = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals("1", f[3], "species A only");
            double p = Double.parseDouble(f[5]);
            if (f[4].equals("1")) {
                ones++;
                assertTrue(p > cut, "random above the immobile cut " + p);
                if (p >= a.get(8000 - 16)) aboveUpperTail++;
            } else {
                assertTrue(p <= cut, "immobile tail " + p);
            }
            assertEquals(p, ph.get(Integer.parseInt(f[0]) + 2, Integer.parseInt(f[2]) - 1), 0.0);
        }
        assertEquals(16, ones);
        assertTrue(aboveUpperTail < 8, "random, not the mobile tail: " + aboveUpperTail + " of 16 in the top 16 of 8000");
        CliRunner.Result same = CliRunner.run("trainset", traj.toString(), "--mode", "IMMOBILE_RANDOM", "--tr", "4", "--tail-fraction", "0.002",
                "--species", "A", "--out", dir.resolve("ir2").toString(), "--quiet", "--threads", "2", "--features", "coordination");
        assertEquals(0, same.code(), same.err());
        assertEquals(rows, Files.readAllLines(dir.resolve("ir2/samples.csv")), "either spelling, same seed: same samples");
    }

    @Test
    void trainsetWithADescriptorPresetHasTheDescriptorRowsOfItsSamples() throws IOException {
        Path traj = QuenchCommandTest.firstFrames(dir, 8);
        CliRunner.Result r = CliRunner.run("trainset", traj.toString(), "--mode", "tails", "--tr", "4", "--tail-fraction", "0.002",
                "--species", "B", "--features", "ss-166", "--out", dir.resolve("t").toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("t/samples.csv"));
        NpyArray feats = NpyReader.read(dir.resolve("t/samples_features.npy"));
        var spec = org.softglass.core.structure.DescriptorSpec.preset("ss-166");
        assertEquals(spec.columnCount(), feats.columns());
        assertEquals(rows.size() - 1, feats.rows());
        JsonNode fj = new ObjectMapper().readTree(dir.resolve("t/features.json").toFile());
        assertEquals("ss-166", fj.get("preset").asText());
        assertEquals(spec.columns().get(100).name(), fj.get("columns").get(100).get("name").asText());
        // the same rows from the structure package directly, frame by frame (1 thread: a different
        // thread count must not change a row; the kernels are deterministic per row)
        List<org.softglass.core.io.Frame> frames = new ArrayList<>();
        try (var in = org.softglass.core.io.LammpsDumpReader.open(traj)) {
            for (var f : in) frames.add(f);
        }
        try (var calc = new org.softglass.core.structure.DescriptorCalculator(spec, 1)) {
            for (int k = 1; k < rows.size(); k++) {
                String[] f = rows.get(k).split(",");
                var frame = frames.get(Integer.parseInt(f[0]));
                int slot = -1;
                for (int i = 0; i < frame.particles().size(); i++) if (frame.particles().id(i) == Long.parseLong(f[2])) slot = i;
                double[] want = calc.compute(frame, new int[] {slot});
                for (int c = 0; c < want.length; c++) assertEquals(want[c], feats.get(k - 1, c), 0.0, "row " + k + " column " + c);
            }
        }
    }

    /** trainset → train → softness on the trajectory itself equals softness on a descriptors directory. */
    @Test
    void softnessAppliedToATrajectoryUsesTheModelsDescriptorSet() throws IOException {
        Path traj = QuenchCommandTest.firstFrames(dir, 6);
        CliRunner.Result r = CliRunner.run("trainset", traj.toString(), "--mode", "tails", "--tr", "4", "--tail-fraction", "0.05",
                "--species", "B", "--features", "ss-166", "--out", dir.resolve("t").toString(), "--quiet", "--threads", "2");
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

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
