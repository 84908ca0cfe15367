package org.softglass.cli.structure;

import org.softglass.cli.CliRunner;
import org.softglass.cli.softness.SoftnessFixtures;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyReader;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorSpec;

/** {@code softglass descriptors} end to end on the first frames of the LAMMPS KA trajectory fixture. */
public class DescriptorsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first {@code frames} frames (1009 lines each: 9 header lines + 1000 atoms) of the fixture trajectory. */
    public static Path firstFrames(Path dir, int frames) throws Exception {
        Path out = dir.resolve("traj" + frames + ".dump");
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(CliRunner.fixture("ka_N1000_T0.8_traj.dump.gz"))), StandardCharsets.US_ASCII))) {
            for (int k = 0; k < 1009 * frames; k++) lines.add(r.readLine());
        }
        Files.write(out, lines);
        return out;
    }

    @Test
    void fluidityOverThreeFramesWritesTheContractFiles(@TempDir Path dir) throws Exception {
        Path traj = firstFrames(dir, 3), out = dir.resolve("d");
        CliRunner.Result r = CliRunner.run("descriptors", traj.toString(), "--preset", "fluidity-100", "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        NpyArray f = NpyReader.read(out.resolve("features.npy"));
        assertEquals(NpyDType.FLOAT32, f.dtype());
        assertArrayEquals(new long[] {3000, 100}, f.shape());
        NpyArray rows = NpyReader.read(out.resolve("rows.npy"));
        assertEquals(NpyDType.INT64, rows.dtype());
        assertArrayEquals(new long[] {3000, 3}, rows.shape());
        long[] ri = rows.longs();
        for (int k = 0; k < 3000; k++) {
            assertEquals(k / 1000, ri[3 * k], "frame index");
            assertEquals(200L * (k / 1000), ri[3 * k + 1], "timestep (every 200 steps)");
            assertEquals(k % 1000 + 1, ri[3 * k + 2], "ids ascending");
        }
        JsonNode j = JSON.readTree(out.resolve("features.json").toFile());
        assertEquals("softglass.features/1", j.get("schema").asText());
        assertEquals("fluidity-100", j.get("preset").asText());
        assertEquals(100, j.get("columns").size());
        assertEquals("G_A(mu=0,w=0.08)", j.get("columns").get(0).get("name").asText());
        assertEquals("radial", j.get("columns").get(0).get("kind").asText());
        assertEquals(3000, j.get("rows").asLong());
        assertEquals("f4", j.get("dtype").asText());
        assertEquals("all", j.get("center_species").asText());
        // mean and std agree with a two-pass computation over the written float32 values
        float[] v = f.floats();
        for (int c = 0; c < 100; c += 9) {
            double mean = 0, var = 0;
            for (int k = 0; k < 3000; k++) mean += v[k * 100 + c];
            mean /= 3000;
            for (int k = 0; k < 3000; k++) var += (v[k * 100 + c] - mean) * (v[k * 100 + c] - mean);
            // Welford vs two-pass over 3000 doubles: relative round-off ~1e-13
            assertEquals(mean, j.get("mean").get(c).asDouble(), 1e-11 * Math.max(1, Math.abs(mean)));
            assertEquals(Math.sqrt(var / 3000), j.get("std").get(c).asDouble(), 1e-9 * Math.max(1, Math.sqrt(var / 3000)));
        }
        JsonNode man = JSON.readTree(out.resolve("descriptors.manifest.json").toFile());
        assertEquals("descriptors", man.get("command").asText());
        assertEquals(3, man.get("results").get("frames").asInt());
    }

    @Test
    void f8RowsOfSpeciesBEqualTheLibraryOnTheFrame(@TempDir Path dir) throws Exception {
        Path traj = firstFrames(dir, 1), out = dir.resolve("d");
        CliRunner.Result r = CliRunner.run("descriptors", traj.toString(), "--preset", "ka-266", "--species", "B", "--dtype", "f8",
                "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        NpyArray f = NpyReader.read(out.resolve("features.npy"));
        assertArrayEquals(new long[] {200, 266}, f.shape());
        long[] ids = NpyReader.read(out.resolve("rows.npy")).longs();
        assertEquals(801, ids[2]);
        try (Frame fr = LammpsDumpReader.readFirst(traj);
             DescriptorCalculator calc = new DescriptorCalculator(DescriptorSpec.preset("ka-266"), 1)) {
            double[] want = calc.compute(fr, DescriptorCalculator.centres(fr.particles(), 1));
            assertArrayEquals(want, f.doubles(), "f8 output is the library's rows, bit for bit (deterministic for any thread count)");
        }
        assertEquals("B", JSON.readTree(out.resolve("features.json").toFile()).get("center_species").asText());
        // frames computed in several blocks (77 centres each; 200 = 2·77 + 46) give the same files
        Path out2 = dir.resolve("d2");
        DescriptorsCommand.block = 77;
        try {
            r = CliRunner.run("descriptors", traj.toString(), "--preset", "ka-266", "--species", "B", "--dtype", "f8",
                    "--out", out2.toString(), "--quiet", "--threads", "3");
        } finally {
            DescriptorsCommand.block = DescriptorsCommand.BLOCK;
        }
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(f.doubles(), NpyReader.read(out2.resolve("features.npy")).doubles());
        assertArrayEquals(ids, NpyReader.read(out2.resolve("rows.npy")).longs());
    }

    @Test
    void customSpecAndBadInputs(@TempDir Path dir) throws Exception {
        Path traj = firstFrames(dir, 1);
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"rmax\": 2.5, \"radial\": [{\"w\": 0.01, \"mu\": [1.0, 1.1]}], \"angular\": [{\"xi\": 1.0, \"lambda\": 1, \"zeta\": 2}]}");
        Path out = dir.resolve("ok");
        CliRunner.Result r = CliRunner.run("descriptors", traj.toString(), "--spec", spec.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(out.resolve("features.json").toFile());
        assertTrue(j.get("preset").isNull());
        assertEquals(2 * 2 + 3, j.get("columns").size());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"rmax\": 2.5, \"angular\": [{\"xi\": 1.0, \"lambda\": 1, \"zeta\": 0.5}]}");
        expectError(3, "angular[0].zeta", "descriptors", traj.toString(), "--spec", bad.toString(), "--out", dir.resolve("x1").toString());
        expectError(3, "no such file", "descriptors", dir.resolve("missing.dump").toString(), "--preset", "ka-266", "--out", dir.resolve("x2").toString());
        expectError(2, "unknown descriptor preset", "descriptors", traj.toString(), "--preset", "ka-999", "--out", dir.resolve("x3").toString());
        expectError(2, "mutually exclusive", "descriptors", traj.toString(), "--preset", "ka-266", "--spec", spec.toString(), "--out", dir.resolve("x4").toString());
        expectError(2, "--dtype", "descriptors", traj.toString(), "--preset", "ka-266", "--dtype", "f2", "--out", dir.resolve("x5").toString());
        expectError(2, "no particles of species C", "descriptors", traj.toString(), "--preset", "ka-266", "--species", "C", "--out", dir.resolve("x6").toString());
        // a dump cut in the middle of its atoms: the scan pass fails before anything is written
        List<String> lines = Files.readAllLines(traj);
        Path cut = dir.resolve("cut.dump");
        Files.write(cut, lines.subList(0, 500));
        expectError(3, "cut.dump", "descriptors", cut.toString(), "--preset", "ka-266", "--out", dir.resolve("x7").toString());
        assertFalse(Files.exists(dir.resolve("x7").resolve("features.npy")), "no half-written output");
    }

    /**
     * {@code --frames A:B} shards (any thread count, given in any order) joined by {@code descriptors-merge} are the
     * single run's features.npy (f4), rows.npy and features.json byte for byte: the frame indices are kept and the
     * statistics are recomputed in row order. Shards that leave a gap, stop before the end or were made with other
     * settings are refused with one line naming the shard.
     */
    @Test
    void frameShardsMergeToTheSingleRun(@TempDir Path dir) throws Exception {
        Path traj = firstFrames(dir, 5), single = dir.resolve("single");
        String[] common = {"--preset", "fluidity-100", "--species", "A", "--quiet"};
        assertEquals(0, CliRunner.run(SoftnessFixtures.concat(new String[] {"descriptors", traj.toString(), "--out", single.toString(), "--threads", "2"}, common)).code());
        String[][] shards = {{"0:2", "1"}, {"2:4", "2"}, {"4:100", "2"}};
        for (int i = 0; i < shards.length; i++) {
            CliRunner.Result r = CliRunner.run(SoftnessFixtures.concat(new String[] {"descriptors", traj.toString(), "--frames", shards[i][0], "--threads", shards[i][1],
                    "--out", dir.resolve("s" + i).toString()}, common));
            assertEquals(0, r.code(), r.err());
        }
        JsonNode last = JSON.readTree(dir.resolve("s2").resolve("descriptors.manifest.json").toFile()).get("results");
        assertEquals(4, last.get("first_frame").asInt());
        assertEquals(1, last.get("frames").asInt());
        assertTrue(last.get("reached_end_of_input").asBoolean());
        assertFalse(JSON.readTree(dir.resolve("s1").resolve("descriptors.manifest.json").toFile()).get("results").get("reached_end_of_input").asBoolean());
        assertEquals(2, NpyReader.read(dir.resolve("s1").resolve("rows.npy")).longs()[0], "a shard keeps the frame indices of the file");

        Path merged = dir.resolve("merged");
        CliRunner.Result m = CliRunner.run("descriptors-merge", dir.resolve("s2").toString(), dir.resolve("s0").toString(), dir.resolve("s1").toString(),
                "--out", merged.toString());
        assertEquals(0, m.code(), m.err());
        for (String f : List.of("features.npy", "rows.npy", "features.json")) {
            assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(merged.resolve(f)), f + " byte for byte");
        }
        assertEquals(5, JSON.readTree(merged.resolve("descriptors.manifest.json").toFile()).get("results").get("frames").asInt());

        expectError(3, "s2: starts at frame 4, expected 2 (frames 2..3 are in no shard)", "descriptors-merge", dir.resolve("s0").toString(),
                dir.resolve("s2").toString(), "--out", dir.resolve("x1").toString());
        expectError(3, "s1: ends at frame 3 but the trajectory has more frames", "descriptors-merge", dir.resolve("s0").toString(),
                dir.resolve("s1").toString(), "--out", dir.resolve("x2").toString());
        assertEquals(0, CliRunner.run("descriptors", traj.toString(), "--frames", "2:4", "--preset", "fluidity-100", "--species", "B", "--quiet",
                "--out", dir.resolve("b1").toString()).code());
        expectError(3, "parameter species is \"B\" but \"A\"", "descriptors-merge", dir.resolve("s0").toString(), dir.resolve("b1").toString(),
                dir.resolve("s2").toString(), "--out", dir.resolve("x3").toString());
        assertFalse(Files.exists(dir.resolve("x3").resolve("features.npy")), "nothing written on a refusal");
        // a block without centre particles is a shard of no rows; shards with no rows at all are refused by the merge
        for (String sh : List.of("0:2", "2:100")) {
            CliRunner.Result c = CliRunner.run("descriptors", traj.toString(), "--frames", sh, "--preset", "fluidity-100", "--species", "C", "--quiet",
                    "--out", dir.resolve("c" + sh.charAt(0)).toString());
            assertEquals(0, c.code(), c.err());
        }
        expectError(3, "no rows in any shard (no particle of species C in any frame)", "descriptors-merge", dir.resolve("c0").toString(),
                dir.resolve("c2").toString(), "--out", dir.resolve("x6").toString());
        expectError(2, "--frames 3:1: expected all or a range A:B", "descriptors", traj.toString(), "--frames", "3:1", "--preset", "fluidity-100",
                "--out", dir.resolve("x4").toString());
        expectError(3, "no frames in --frames 7:9 (the file has 5)", "descriptors", traj.toString(), "--frames", "7:9", "--preset", "fluidity-100",
                "--out", dir.resolve("x5").toString());
    }

    private static void expectError(int code, String text, String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(code, r.code(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertTrue(lines[0].startsWith("softglass: ") && lines[0].contains(text), "expected '" + text + "' in: " + r.err());
        assertTrue(lines.length <= 2, "one-line error (plus a usage hint): " + r.err());
    }
}
