package org.softglass.cli.dynamics;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code softglass overlap} end to end on synthetic IS dumps. */
class OverlapCommandTest {
    @TempDir Path dir;

    /**
     * A dump of 80 frames, timesteps 400 apart, N = 40 (odd ids type 1, even type 2) in a cubic box
     * of side 4: every particle drifts by 0.02 σ per frame along x and jumps by 0.6 σ along y with
     * probability 0.05 per frame; positions written wrapped (x y z) or unwrapped (xu yu zu).
     */
    private Path dump(String name, boolean wrapped) throws IOException {
        int n = 40, frames = 80;
        double l = 4.0;
        SplittableRandom rnd = new SplittableRandom(9);
        double[] x = new double[3 * n];
        for (int v = 0; v < 3 * n; v++) x[v] = rnd.nextDouble() * l;
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < frames; f++) {
            if (f > 0) {
                for (int i = 0; i < n; i++) {
                    x[3 * i] += 0.02;
                    if (rnd.nextDouble() < 0.05) x[3 * i + 1] += 0.6;
                }
            }
            sb.append("ITEM: TIMESTEP\n").append(400L * f).append("\nITEM: NUMBER OF ATOMS\n").append(n)
                    .append("\nITEM: BOX BOUNDS pp pp pp\n0 4\n0 4\n0 4\nITEM: ATOMS id type ").append(wrapped ? "x y z" : "xu yu zu").append('\n');
            for (int i = 0; i < n; i++) {
                sb.append(i + 1).append(' ').append(i % 2 == 0 ? 1 : 2);
                for (int a = 0; a < 3; a++) {
                    double v = x[3 * i + a];
                    if (wrapped) v -= l * Math.floor(v / l);
                    sb.append(' ').append(String.format(Locale.ROOT, "%.10f", v));
                }
                sb.append('\n');
            }
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb);
        return p;
    }

    @Test
    void writesOverlapWithQEqualOneAtTZeroAndIgnoresWrapping() throws IOException {
        Path un = dump("un.dump", false), wr = dump("wr.dump", true);
        Path out = dir.resolve("out"), out2 = dir.resolve("out2");
        CliRunner.Result r = CliRunner.run("overlap", un.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("overlap: N = 20 (A), a = 0.3"), r.out());
        for (String f : new String[] {"overlap.csv", "overlap.json", "s4.csv", "blocks.csv", "overlap.png", "manifest.json"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<String> csv = Files.readAllLines(out.resolve("overlap.csv"));
        assertEquals("t,Q,chi4,Q_err,origins,lag_frames", csv.get(0));
        String[] first = csv.get(1).split(",", -1);
        assertEquals(0.0, Double.parseDouble(first[0]), 0.0);
        assertEquals(1.0, Double.parseDouble(first[1]), 0.0);
        assertEquals(0.0, Double.parseDouble(first[2]), 0.0);
        assertEquals(80, Integer.parseInt(first[4]));
        // drift 0.02 σ per frame: nobody is left at lag 16 (0.32 ≥ a; lag 15 is 0.30 up to the 1e-10 rounding of the dump)
        for (String line : csv.subList(1, csv.size())) {
            String[] c = line.split(",", -1);
            if (Integer.parseInt(c[5]) >= 16) assertEquals(0.0, Double.parseDouble(c[1]), 0.0, line);
        }
        JsonNode j = new ObjectMapper().readTree(out.resolve("overlap.json").toFile());
        assertEquals("softglass.overlap/1", j.get("schema").asText());
        assertEquals(0.3, j.get("a").asDouble(), 0.0);
        assertEquals("A", j.get("species").asText());
        assertEquals(20, j.get("N").asInt());
        assertEquals(2.0, j.get("frame_spacing").asDouble(), 1e-12);
        assertTrue(j.get("tau_chi").isNumber() && j.get("tau_chi_resolved").isBoolean(), j.toString());
        assertEquals(2, j.get("blocks").size(), "L = 4, --min-block 2: m = 1, 2");
        assertEquals("overlap", new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("command").asText());

        // wrapped positions without image flags give the same numbers (minimum-image path)
        CliRunner.Result w = CliRunner.run("overlap", wr.toString(), "--out", out2.toString(), "--threads", "1", "--quiet");
        assertEquals(0, w.code(), w.err());
        assertEquals("", w.out());
        List<String> csv2 = Files.readAllLines(out2.resolve("overlap.csv"));
        assertEquals(csv.size(), csv2.size());
        for (int k = 1; k < csv.size(); k++) {
            String[] a = csv.get(k).split(",", -1), b = csv2.get(k).split(",", -1);
            for (int c = 0; c < 3; c++) assertEquals(Double.parseDouble(a[c]), Double.parseDouble(b[c]), 1e-9, csv.get(k) + " vs " + csv2.get(k));
        }
    }

    @Test
    void badInputGivesOneLineAndNoOutput() throws IOException {
        Path in = dump("un.dump", false);
        Path out = dir.resolve("out");
        CliRunner.Result a = CliRunner.run("overlap", in.toString(), "--a", "0", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, a.code());
        assertEquals("softglass: --a must be a finite number > 0, got 0.0\n", a.err());
        CliRunner.Result sp = CliRunner.run("overlap", in.toString(), "--species", "C", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, sp.code());
        assertEquals("softglass: --species must be A, B or all, got 'C'\n", sp.err());
        CliRunner.Result st = CliRunner.run("overlap", in.toString(), "--origin-stride", "0", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, st.code());
        assertEquals(1, st.err().split("\n").length, st.err());
        CliRunner.Result missing = CliRunner.run("overlap", dir.resolve("none.dump").toString(), "--out", out.toString());
        assertEquals(ExitCodes.INPUT, missing.code());
        assertEquals(1, missing.err().split("\n").length, missing.err());
        assertFalse(Files.exists(out), "no output directory on error");
    }
}
