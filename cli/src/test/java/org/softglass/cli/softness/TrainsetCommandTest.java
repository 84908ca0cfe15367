package org.softglass.cli.softness;

import org.softglass.cli.CliRunner;
import org.softglass.cli.md.QuenchCommandTest;
import org.softglass.cli.structure.HandMadeTrajectory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softglass.cli.softness.SoftnessFixtures.concat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;

/** {@code trainset} end to end on the hand-made trajectory and the LAMMPS fixture: softness, tails and immobile-random labels. */
class TrainsetCommandTest {
    @TempDir Path dir;

    @Test
    void trainsetSoftnessIsBalancedSeededAndLabelledRight() throws IOException {
        Path traj = HandMadeTrajectory.write(dir, "hand.dump", -1);
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
        FixtureTails t = fixtureTails(traj, "tails", "t");
        List<Double> a = t.sortedA();
        for (Sample s : t.samples()) {
            if (s.label1()) assertTrue(s.phop() >= a.get(8000 - 16), "high tail " + s.phop());
            else assertTrue(s.phop() <= a.get(15), "low tail " + s.phop());
        }
        NpyArray feats = NpyReader.read(dir.resolve("t/samples_features.npy"));
        assertArrayEquals(new long[] {32, 2}, feats.shape());
        for (int k = 0; k < 32; k++) assertTrue(feats.get(k, 0) + feats.get(k, 1) > 5, "dense liquid: a full first shell");
    }

    /** 003 Fig. 8's control: label 0 = the 16 lowest A values, label 1 = 16 drawn among the A values above that cut. */
    @Test
    void trainsetImmobileRandomOnTheFixture() throws IOException {
        Path traj = QuenchCommandTest.firstFrames(dir, 14);
        FixtureTails t = fixtureTails(traj, "immobile-random", "ir");
        List<Double> a = t.sortedA();
        double cut = a.get(15);
        int ones = 0, aboveUpperTail = 0;
        for (Sample s : t.samples()) {
            double p = s.phop();
            if (s.label1()) {
                ones++;
                assertTrue(p > cut, "random above the immobile cut " + p);
                if (p >= a.get(8000 - 16)) aboveUpperTail++;
            } else {
                assertTrue(p <= cut, "immobile tail " + p);
            }
        }
        assertEquals(16, ones);
        assertTrue(aboveUpperTail < 8, "random, not the mobile tail: " + aboveUpperTail + " of 16 in the top 16 of 8000");
        CliRunner.Result same = aTails(traj, "IMMOBILE_RANDOM", "ir2");
        assertEquals(0, same.code(), same.err());
        assertEquals(t.rows(), Files.readAllLines(dir.resolve("ir2/samples.csv")), "either spelling, same seed: same samples");
    }

    /** trainset --mode MODE with t_R = 4 and 0.2% tails on the A particles (coordination features, 2 threads) into dir/OUT. */
    private CliRunner.Result aTails(Path traj, String mode, String out) {
        return SoftnessFixtures.trainsetTails(traj, mode, "A", "coordination", "0.002", dir.resolve(out));
    }

    /** One row of samples.csv: its label and p_hop. */
    private record Sample(boolean label1, double phop) {}

    /**
     * What a 0.2% A-tails run on the 14-frame fixture wrote: samples.csv's lines, its samples, and the defined A values
     * of phop.npy, ascending.
     */
    private record FixtureTails(List<String> rows, List<Sample> samples, List<Double> sortedA) {}

    /**
     * {@link #aTails} on the 14-frame fixture, checked to exit 0 with 32 samples (16 per tail or class), every one an A
     * particle whose p_hop is phop.npy's value for it.
     */
    private FixtureTails fixtureTails(Path traj, String mode, String out) throws IOException {
        CliRunner.Result r = aTails(traj, mode, out);
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve(out).resolve("samples.csv"));
        // 10 defined frames × 800 A particles = 8000 values; 0.002 → 16 per tail
        assertEquals(33, rows.size());
        NpyArray ph = NpyReader.read(dir.resolve(out).resolve("phop.npy"));
        List<Sample> samples = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals("1", f[3], "species A only");
            double p = Double.parseDouble(f[5]);
            // the structure frame is 2 frames before the p_hop frame: the value is found there in phop.npy
            assertEquals(p, ph.get(Integer.parseInt(f[0]) + 2, Integer.parseInt(f[2]) - 1), 0.0);
            samples.add(new Sample(f[4].equals("1"), p));
        }
        return new FixtureTails(rows, samples, sortedDefined(ph));
    }

    /** The p_hop values of the 800 A particles at the 10 frames of the 14-frame fixture where the t_R = 4 window fits, ascending. */
    private static List<Double> sortedDefined(NpyArray ph) {
        List<Double> a = new ArrayList<>();
        for (int t = 2; t < 12; t++) for (int i = 0; i < 800; i++) a.add(ph.get(t, i));
        a.sort(null);
        return a;
    }

    @Test
    void trainsetWithADescriptorPresetHasTheDescriptorRowsOfItsSamples() throws IOException {
        Path traj = QuenchCommandTest.firstFrames(dir, 8);
        CliRunner.Result r = SoftnessFixtures.trainsetTails(traj, "tails", "B", "ss-166", "0.002", dir.resolve("t"));
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
}
