package org.softglass.cli.md;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
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
import org.softglass.core.space.Box;

/** {@code softglass quench} end to end on the first frames of the LAMMPS trajectory fixture. */
public class QuenchCommandTest {

    /** The first {@code frames} frames of the trajectory fixture as a plain dump in {@code dir}. */
    public static Path firstFrames(Path dir, int frames) throws IOException {
        Path out = dir.resolve("three.dump");
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(CliRunner.fixture("ka_N1000_T0.8_traj.dump.gz"))), StandardCharsets.UTF_8))) {
            for (int k = 0; k < frames * 1009; k++) lines.add(r.readLine());
        }
        Files.write(out, lines);
        return out;
    }

    /**
     * Shards of one quench ({@code --frames A:B}, any thread count) merged by {@code quench-merge} give, byte for byte,
     * the is.dump and is_energy.csv of a single run over all frames; overlapping, missing or mismatched shards are refused.
     */
    @Test
    void shardsMergeIntoTheSingleRunsFiles(@TempDir Path dir) throws Exception {
        Path in = firstFrames(dir, 3);
        String[] common = {"quench", in.toString(), "--min", "lbfgs+fire", "--ftol", "1e-4", "--quiet"};
        assertEquals(0, CliRunner.run(concat(common, "--out", dir.resolve("all").toString(), "--threads", "2")).code());
        // a one-frame shard on 2 threads: still the one-thread quench of that frame, as in the run over all frames
        assertEquals(0, CliRunner.run(concat(common, "--out", dir.resolve("s0").toString(), "--threads", "2", "--frames", "0:1")).code());
        assertEquals(0, CliRunner.run(concat(common, "--out", dir.resolve("s1").toString(), "--threads", "2", "--frames", "1:3")).code());
        CliRunner.Result m = CliRunner.run("quench-merge", dir.resolve("s1").toString(), dir.resolve("s0").toString(), "--out", dir.resolve("m").toString());
        assertEquals(0, m.code(), m.err());
        for (String f : new String[] {"is.dump", "is_energy.csv"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("all").resolve(f)), Files.readAllBytes(dir.resolve("m").resolve(f)), f);
        }
        JsonNode a = JSON.readTree(dir.resolve("all/manifest.json").toFile()).get("results"), b = JSON.readTree(dir.resolve("m/manifest.json").toFile()).get("results");
        assertEquals(a, b);
        assertEquals(2, Files.readAllLines(dir.resolve("s1/is_energy.csv")).size() - 1, "frames 1 and 2");
        assertTrue(Files.readAllLines(dir.resolve("s1/is_energy.csv")).get(1).startsWith("1,200,"), "input indices kept");
        assertEquals(0, CliRunner.run(concat(common, "--out", dir.resolve("s02").toString(), "--threads", "1", "--frames", "0:2")).code());
        CliRunner.Result overlap = CliRunner.run("quench-merge", dir.resolve("s02").toString(), dir.resolve("s1").toString(), "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.INPUT, overlap.code(), overlap.err());
        assertTrue(overlap.err().contains("starts at frame 1, expected 2 (it overlaps"), overlap.err());
        CliRunner.Result gap = CliRunner.run("quench-merge", dir.resolve("s1").toString(), "--out", dir.resolve("y").toString());
        assertTrue(gap.err().contains("starts at frame 1, expected 0 (frames 0..0 are in no shard)"), gap.err());
        assertEquals(0, CliRunner.run(concat(common, "--out", dir.resolve("s12").toString(), "--threads", "1", "--frames", "1:2")).code());
        CliRunner.Result missingLast = CliRunner.run("quench-merge", dir.resolve("s0").toString(), dir.resolve("s12").toString(), "--out",
                dir.resolve("w").toString());
        assertEquals(ExitCodes.INPUT, missingLast.code(), missingLast.err());
        assertTrue(missingLast.err().contains("ends at frame 1 but the DUMP has more frames"), missingLast.err());
        assertEquals(0, CliRunner.run("quench", in.toString(), "--min", "lbfgs+fire", "--ftol", "1e-3", "--quiet", "--out", dir.resolve("t").toString(),
                "--frames", "1:3").code());
        CliRunner.Result other = CliRunner.run("quench-merge", dir.resolve("s0").toString(), dir.resolve("t").toString(), "--out", dir.resolve("z").toString());
        assertTrue(other.err().contains("parameter ftol is 0.001 but 1.0E-4"), other.err());
        CliRunner.Result list = CliRunner.run(concat(common, "--out", dir.resolve("l").toString(), "--frames", "0,2"));
        assertEquals(ExitCodes.USAGE, list.code(), list.err());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void quenchesEveryFrame(@TempDir Path dir) throws Exception {
        Path in = firstFrames(dir, 3), out = dir.resolve("is");
        CliRunner.Result r = CliRunner.run("quench", in.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());

        List<String> csv = Files.readAllLines(out.resolve("is_energy.csv"));
        assertEquals(QuenchCommand.CSV_HEADER, csv.get(0));
        assertEquals(4, csv.size(), "header + 3 rows");
        double[] u = new double[3];
        for (int k = 0; k < 3; k++) {
            String[] f = csv.get(k + 1).split(",");
            assertEquals(8, f.length);
            assertEquals(String.valueOf(k), f[0]);
            assertEquals(String.valueOf(200 * k), f[1]);
            u[k] = Double.parseDouble(f[2]);
            assertTrue(u[k] > -7.60 && u[k] < -7.53, "U_IS/N " + u[k]);
            assertTrue(Double.parseDouble(f[3]) < 1e-10, "fnorm " + f[3]);
            assertTrue(Integer.parseInt(f[5]) > 0 && Long.parseLong(f[6]) > Integer.parseInt(f[5]));
            assertEquals("true", f[7]);
        }

        // is.dump: 3 frames by id, per-atom energies summing to U_IS, unwrapped IS positions near the
        // unwrapped thermal ones (a wrong image count would show up as a jump of a box length)
        try (LammpsDumpReader is = LammpsDumpReader.open(out.resolve("is.dump"));
             LammpsDumpReader thermal = LammpsDumpReader.open(in)) {
            for (int k = 0; k < 3; k++) {
                try (Frame f = is.next(); Frame t = thermal.next()) {
                    assertEquals(200L * k, f.timestep());
                    assertEquals(1000, f.size());
                    assertTrue(f.imagesKnown());
                    double sum = 0;
                    for (double e : f.extra("c_peatom")) sum += e;
                    assertEquals(u[k], sum / 1000, 1e-12);
                    Box box = f.box();
                    double maxMove = 0;
                    for (int i = 0; i < 1000; i++) {
                        assertEquals(t.particles().id(i), f.particles().id(i));
                        double d2 = 0;
                        for (int a = 0; a < 3; a++) {
                            double d = f.particles().unwrapped(i, a, box) - t.particles().unwrapped(i, a, box);
                            d2 += d * d;
                        }
                        maxMove = Math.max(maxMove, Math.sqrt(d2));
                    }
                    assertTrue(maxMove < 2.0, "frame " + k + ": largest IS displacement " + maxMove);
                }
            }
            assertEquals(null, is.next());
        }
        // the IS positions are written exactly: 'energy' on is.dump gives the same U/N
        CliRunner.Result e = CliRunner.run("energy", out.resolve("is.dump").toString());
        assertEquals(0, e.code(), e.err());
        String[] rows = e.out().strip().split("\n");
        for (int k = 0; k < 3; k++) assertEquals(u[k], Double.parseDouble(rows[k + 1].split(",")[3]), 1e-13);

        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"command\" : \"quench\""), manifest);
        assertTrue(manifest.contains("\"frames\" : 3"), manifest);
        assertTrue(manifest.contains("\"min\" : \"cg+fire\""), manifest);
        assertTrue(manifest.contains("\"frames_in_parallel\" : true"), manifest);
        try (var s = Files.list(out)) {
            assertEquals(3, s.count(), "is.dump, is_energy.csv, manifest.json and no temp files");
        }

        // frames were quenched one per thread: the files are those of a one-thread run, byte for byte
        Path one = dir.resolve("one");
        CliRunner.Result r1 = CliRunner.run("quench", in.toString(), "--out", one.toString(), "--threads", "1", "--quiet");
        assertEquals(0, r1.code(), r1.err());
        for (String f : List.of("is.dump", "is_energy.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        assertTrue(Files.readString(one.resolve("manifest.json")).contains("\"frames_in_parallel\" : false"));
    }

    /** A frame that cannot be minimised (two particles at one position) is named, also when frames run in parallel. */
    @Test
    void overlappingFrameIsNamedWhenFramesRunInParallel(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(firstFrames(dir, 3));
        // frame 1's first two atom rows: the second takes the first's position
        int row = 1009 + 9;
        String[] a = lines.get(row).split(" "), b = lines.get(row + 1).split(" ");
        for (int c = 2; c < a.length; c++) b[c] = a[c];
        lines.set(row + 1, String.join(" ", b));
        Path bad = dir.resolve("overlap.dump"), out = dir.resolve("is");
        Files.write(bad, lines);
        CliRunner.Result r = CliRunner.run("quench", bad.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        r.assertOneLineError(ExitCodes.INPUT, "overlap.dump: frame 1 (timestep 200): non-finite");
        assertFalse(Files.exists(out), "no output directory left behind");
    }

    @Test
    void missingInputGivesOneLineAndNoOutput(@TempDir Path dir) {
        Path out = dir.resolve("is");
        CliRunner.Result r = CliRunner.run("quench", dir.resolve("nope.dump").toString(), "--out", out.toString());
        r.assertOneLineError(ExitCodes.INPUT, "no such file");
        assertFalse(Files.exists(out), "no output directory");
    }

    @Test
    void malformedInputGivesOneLineAndNoPartialOutput(@TempDir Path dir) throws Exception {
        // one good frame, then a frame cut short: the first frame's results must not be left behind
        Path good = firstFrames(dir, 1);
        Path bad = dir.resolve("bad.dump");
        List<String> lines = new ArrayList<>(Files.readAllLines(good));
        lines.addAll(Files.readAllLines(good).subList(0, 500));
        Files.write(bad, lines);
        for (boolean existing : new boolean[] {false, true}) {
            Path out = dir.resolve(existing ? "existing" : "fresh");
            if (existing) Files.createDirectories(out);
            CliRunner.Result r = CliRunner.run("quench", bad.toString(), "--out", out.toString(), "--ftol", "1e-4");
            assertEquals(ExitCodes.INPUT, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("bad.dump:"), "file:line in " + r.err());
            if (existing) {
                try (var s = Files.list(out)) {
                    assertEquals(0, s.count(), "no partial outputs or temp files");
                }
            } else {
                assertFalse(Files.exists(out), "no output directory left behind");
            }
        }
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path dir) throws Exception {
        Path in = firstFrames(dir, 1);
        CliRunner.Result r = CliRunner.run("quench", in.toString(), "--out", dir.resolve("o").toString(), "--min", "bfgs");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("unknown minimiser 'bfgs'"), r.err());
        CliRunner.Result t = CliRunner.run("quench", in.toString(), "--out", dir.resolve("o").toString(), "--ftol", "-1");
        assertEquals(ExitCodes.USAGE, t.code());
        assertTrue(t.err().contains("ftol"), t.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void unconvergedFramesAreReportedAndFail(@TempDir Path dir) throws Exception {
        Path in = firstFrames(dir, 1), out = dir.resolve("is");
        CliRunner.Result r = CliRunner.run("quench", in.toString(), "--out", out.toString(), "--max-iter", "5", "--min", "cg");
        assertEquals(ExitCodes.FAILED, r.code(), r.err());
        assertTrue(r.err().contains("1 of 1 frames did not converge"), r.err());
        List<String> csv = Files.readAllLines(out.resolve("is_energy.csv"));
        assertTrue(csv.get(1).endsWith(",5,") || csv.get(1).split(",")[5].equals("5"), csv.get(1));
        assertTrue(csv.get(1).endsWith(",false"), csv.get(1));
    }
}
