package org.softglass.cli.dynamics;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.Persistence;
import org.softglass.core.rearrange.PhopFiles;
import org.softglass.core.rearrange.PhopHeader;

/** {@code softglass persistence} end to end on synthetic {@code phop} directories. */
class PersistenceCommandTest {
    @TempDir Path dir;
    /** The matrix the last {@link #phopDir} call wrote (F × N row-major). */
    private double[] written;

    /**
     * A phop directory of {@code frames} frames 0.5 τ apart (timesteps 100 apart, dt 0.005), N = 30
     * particles (ids 1..30; types 1 for odd ids, 2 for even, or all 1 with {@code onlyA}); NaN in the
     * first and last h = 2 frames; otherwise p_hop = 0.6 with probability 0.04 (rearranging), else 0.05.
     */
    private Path phopDir(String name, int frames, boolean onlyA) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        int n = 30, h = 2;
        long[] ids = new long[n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
            types[i] = onlyA || i % 2 == 0 ? 1 : 2;
        }
        PhopFiles.Writer w = PhopFiles.writer(d);
        w.start(new PhopHeader("synthetic.dump", ids, types, 2.0, 0.005, 0.5, h, null));
        SplittableRandom rnd = new SplittableRandom(5);
        double[] row = new double[n];
        written = new double[frames * n];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < n; i++) row[i] = f < h || f >= frames - h ? Double.NaN : rnd.nextDouble() < 0.04 ? 0.6 : 0.05;
            System.arraycopy(row, 0, written, f * n, n);
            w.row(f, 100L * f, 0.5 * f, row);
        }
        w.finish(frames);
        return d;
    }

    @Test
    void writesCsvJsonPlotAndManifestMatchingTheCoreComputation() throws IOException {
        Path in = phopDir("ph", 400, false);
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("persistence", in.toString(), "--species", "A", "--per-decade", "8", "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("persistence: N = 15 (A), p_c = 0.2"), r.out());
        for (String f : new String[] {"persistence.csv", "persistence.json", "persistence.png", "persistence.manifest.json"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        byte[] png = Files.readAllBytes(out.resolve("persistence.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));

        // the same numbers as the core class on the same matrix (defined frames 2..397: longest lag 395)
        PhopFiles.Matrix m = PhopFiles.read(in);
        assertArrayEquals(written, m.values(), 0.0, "PhopFiles.read gives back the matrix written (NaN included)");
        assertEquals(400, m.frames());
        assertEquals(199.5, m.times()[399], 0.0);
        boolean[] mask = new boolean[30];
        for (int i = 0; i < 30; i++) mask[i] = i % 2 == 0;
        int[] lags = Persistence.logLags(395, 8);
        Persistence.Result ref;
        try (Parallel par = new Parallel(1)) {
            ref = Persistence.compute(m.values(), m.frames(), 30, m.times(), 0.2, mask, lags, par);
        }
        List<String> csv = Files.readAllLines(out.resolve("persistence.csv"));
        assertEquals("t,lag_frames,Q,Q_err,chi4,origins", csv.get(0));
        assertEquals(lags.length + 1, csv.size());
        for (int j = 0; j < lags.length; j++) {
            String[] c = csv.get(j + 1).split(",", -1);
            assertEquals(0.5 * lags[j], Double.parseDouble(c[0]), 0.0);
            assertEquals(lags[j], Integer.parseInt(c[1]));
            assertEquals(ref.q()[j], Double.parseDouble(c[2]), 0.0);
            assertEquals(ref.chi4()[j], Double.parseDouble(c[4]), 0.0);
            assertEquals(396 - lags[j], Integer.parseInt(c[5]));
            // Q_err is written empty where fewer than 16 origins (the blocked error needs 16 blocks)
            assertEquals(396 - lags[j] < Persistence.MIN_BLOCKS, c[3].isEmpty(), csv.get(j + 1));
        }
        JsonNode j = new ObjectMapper().readTree(out.resolve("persistence.json").toFile());
        assertEquals("softglass.persistence/1", j.get("schema").asText());
        assertEquals(0.2, j.get("pc").asDouble(), 0.0);
        assertEquals("A", j.get("species").asText());
        assertEquals(15, j.get("N").asInt());
        assertEquals(0.5, j.get("frame_spacing").asDouble(), 1e-15);
        assertEquals(ref.tauQ(), j.get("tau_Q").asDouble(), 0.0);
        assertEquals(ref.tauChi(), j.get("tau_chi").asDouble(), 0.0);
        assertEquals(ref.chi4Star(), j.get("chi4_star").asDouble(), 0.0);
        // rate 0.04 per frame: Q = 0.96^(k+1) = 1/e at k ≈ 23.5 frames = 11.7 τ; the 15-particle sample
        // over 396 origins is noisy (Q_err ≈ 0.03 near τ_Q, a shift of ≈ 2 frames), hence ± 3 τ
        assertEquals(11.7, ref.tauQ(), 3.0);
        JsonNode man = new ObjectMapper().readTree(out.resolve("persistence.manifest.json").toFile());
        assertEquals("persistence", man.get("command").asText());
        assertEquals(2, man.get("inputs").size());

        // species all and the thread count: same file for 1 and 3 threads
        CliRunner.Result a1 = CliRunner.run("persistence", in.toString(), "--out", dir.resolve("a1").toString(), "--threads", "1", "--quiet");
        CliRunner.Result a3 = CliRunner.run("persistence", in.toString(), "--out", dir.resolve("a3").toString(), "--threads", "3", "--quiet");
        assertEquals(0, a1.code(), a1.err());
        assertEquals(0, a3.code(), a3.err());
        assertEquals("", a1.out());
        assertEquals(Files.readString(dir.resolve("a1/persistence.csv")), Files.readString(dir.resolve("a3/persistence.csv")));
        assertEquals(30, new ObjectMapper().readTree(dir.resolve("a1/persistence.json").toFile()).get("N").asInt());
    }

    @Test
    void badInputGivesOneLineAndNoOutput() throws IOException {
        Path in = phopDir("ph", 60, true);
        Path out = dir.resolve("out");

        CliRunner.Result missing = CliRunner.run("persistence", dir.resolve("nothing").toString(), "--out", out.toString());
        assertEquals(ExitCodes.INPUT, missing.code());
        assertEquals("softglass: no such file: " + dir.resolve("nothing/phop.json") + "\n", missing.err());

        CliRunner.Result pc = CliRunner.run("persistence", in.toString(), "--pc", "0", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, pc.code());
        assertEquals("softglass: --pc must be finite and > 0, got 0.0\n", pc.err());

        CliRunner.Result sp = CliRunner.run("persistence", in.toString(), "--species", "B", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, sp.code());
        assertEquals("softglass: --species B: no particle of type 2 in " + PhopFiles.json(in) + "\n", sp.err());

        CliRunner.Result sp2 = CliRunner.run("persistence", in.toString(), "--species", "C", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, sp2.code());
        assertEquals("softglass: --species must be A, B or all, got 'C'\n", sp2.err());

        // 5 frames with h = 2: p_hop is defined at frame 2 only
        Path shortDir = phopDir("short", 5, true);
        CliRunner.Result few = CliRunner.run("persistence", shortDir.toString(), "--out", out.toString());
        assertEquals(ExitCodes.INPUT, few.code());
        assertEquals("softglass: " + PhopFiles.npy(shortDir) + ": p_hop is defined for all selected particles on at most 1 consecutive frame(s),"
                + " expected at least 2 (a longer trajectory or a shorter --tr)\n", few.err());

        assertFalse(Files.exists(out), "no output directory on error");
    }
}
