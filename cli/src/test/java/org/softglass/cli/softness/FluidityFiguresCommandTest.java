package org.softglass.cli.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;

/** {@code softglass fluidity-figures} on the shipped N = 500 example trajectories at T = 0.61 and 0.9 (about 10 s). */
class FluidityFiguresCommandTest {
    private static final Path STUDY = Path.of("..", "examples", "data", "study");
    private static final String T061 = "T=0.61:" + STUDY.resolve("ka_N500_T0.610_traj.dump.gz"), T090 = "T=0.9:" + STUDY.resolve("ka_N500_T0.900_traj.dump.gz");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    @Test
    void writesEveryFigureAndTable() throws IOException {
        Path out = dir.resolve("figs");
        CliRunner.Result r = CliRunner.run("fluidity-figures", "--traj", T061, "--traj", T090, "--tail-fraction", "0.02", "--tau-c", "10",
                "--p-stable", "0.02", "--bootstrap", "10", "--threads", "2", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String png : List.of("fig1_cv_accuracy_bias", "fig2_test_accuracy_bias", "fig2_inset_van_hove", "fig4_delta_e", "fig4_inset_sigma",
                "fig8_immobile_random", "fig5_alpha_tails-T0.900", "fig5_alpha_immobile-random-T0.900", "fig5_alpha_softness-T0.610")) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(out.resolve(png + ".png")), 4);
            assertArrayEquals(PNG, head, png);
        }
        // Table I: one row per classifier; the CV and test maxima agree with the curves
        List<String> cls = Files.readAllLines(out.resolve("classifiers.csv"));
        assertEquals(4, cls.size(), String.join("\n", cls));
        Map<String, String[]> byName = new HashMap<>();
        for (String line : cls.subList(1, cls.size())) byName.put(line.split(",")[0], line.split(","));
        assertEquals(java.util.Set.of("tails-T0.900", "immobile-random-T0.900", "softness-T0.610"), byName.keySet());
        Map<String, Double> cvMax = max(out.resolve("cv_accuracy_bias.csv"), 4), testMax = max(out.resolve("test_accuracy_bias.csv"), 5);
        for (var e : byName.entrySet()) {
            assertEquals(Double.parseDouble(e.getValue()[6]), cvMax.get(e.getKey()), 0.0, e.getKey() + " CV maximum");
            assertEquals(Double.parseDouble(e.getValue()[10]), testMax.get(e.getKey()), 0.0, e.getKey() + " test maximum");
        }
        // G_s: each temperature's 4πr²G_s integrates to 1 (no A particle moves 5 σ in 10 τ here), G_s = density / shell volume
        Map<String, Double> norm = new HashMap<>();
        List<String> vh = Files.readAllLines(out.resolve("van_hove.csv"));
        assertEquals("T,t,r,gs,four_pi_r2_gs", vh.getFirst());
        for (String line : vh.subList(1, vh.size())) {
            String[] f = line.split(",");
            double rr = Double.parseDouble(f[2]), lo = rr - 0.025, hi = rr + 0.025;
            assertEquals(10.0, Double.parseDouble(f[1]), 1e-9);
            assertEquals(Double.parseDouble(f[4]) * 0.05, Double.parseDouble(f[3]) * 4 * Math.PI / 3 * (hi * hi * hi - lo * lo * lo), 1e-9);
            norm.merge(f[0], Double.parseDouble(f[4]) * 0.05, Double::sum);
        }
        assertEquals(2, norm.size());
        for (double v : norm.values()) assertEquals(1.0, v, 1e-9);
        // the immobile-random training set: label 0 at or below the immobile cut p_l, label 1 above it
        JsonNode man = new ObjectMapper().readTree(out.resolve("T0.900/immobile-random/trainset.manifest.json").toFile());
        double cut = man.at("/results/p_lower_cut").asDouble(Double.NaN);
        assertTrue(Double.isFinite(cut), man.toString());
        List<String> samples = Files.readAllLines(out.resolve("T0.900/immobile-random/samples.csv"));
        int ones = 0;
        for (String line : samples.subList(1, samples.size())) {
            String[] f = line.split(",");
            double p = Double.parseDouble(f[5]);
            if (f[4].equals("1")) { ones++; assertTrue(p > cut, line); } else assertTrue(p <= cut, line);
        }
        assertEquals(samples.size() - 1, 2 * ones, "balanced");
        JsonNode fig = new ObjectMapper().readTree(out.resolve("figures.json").toFile());
        assertEquals("softglass.fluidity-figures/1", fig.get("schema").asText());
        assertTrue(Files.isRegularFile(out.resolve("figures.manifest.json")));
        // every setting that changes an output is recorded (the bootstrap, event and van Hove settings were missing)
        JsonNode params = new ObjectMapper().readTree(out.resolve("figures.manifest.json").toFile()).get("parameters");
        for (String k : List.of("pl_event", "max_per_label", "bootstrap", "min_events", "p_max", "van_hove_dr", "van_hove_max", "threads")) {
            assertTrue(params.has(k), k + " in " + params);
        }
        assertEquals(10, params.get("bootstrap").asInt());
        assertEquals(2, params.get("threads").asInt());
        assertTrue(Files.isRegularFile(out.resolve("models/tails-T0.900.json")));
    }

    @Test
    void aTemperatureThatIsNotGivenIsOneUsageLine() {
        Path out = dir.resolve("bad");
        CliRunner.Result r = CliRunner.run("fluidity-figures", "--traj", T061, "--traj", T090, "--fluidity-at", "0.8", "--quiet", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertEquals("softglass: --fluidity-at 0.8 is not one of the trajectories' temperatures [0.61, 0.9]", r.err().lines().findFirst().orElse(""));
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out), "nothing written");
        CliRunner.Result s = CliRunner.run("fluidity-figures", "--traj", "0.61:x.dump", "--traj", T090, "--quiet", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, s.code(), s.err());
        assertEquals("softglass: --traj expected T=TEMP:FILE, got '0.61:x.dump'", s.err().lines().findFirst().orElse(""));
    }

    @Test
    void aTruncatedTrajectoryIsOneLineAndLeavesNoFolders() throws IOException {
        Path trunc = dir.resolve("trunc.dump");
        Files.write(trunc, List.of("ITEM: TIMESTEP", "0", "ITEM: NUMBER OF ATOMS", "500", "ITEM: BOX BOUNDS pp pp pp"));
        Path out = dir.resolve("truncated");
        CliRunner.Result r = CliRunner.run("fluidity-figures", "--traj", "T=0.61:" + trunc, "--traj", T090, "--quiet", "--out", out.toString());
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("trunc.dump"), r.err());
        assertFalse(Files.exists(out), "no folders left behind");
    }

    /** The largest value of column {@code col} per classifier (column 0). */
    private static Map<String, Double> max(Path csv, int col) throws IOException {
        Map<String, Double> m = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            m.merge(f[0], Double.parseDouble(f[col]), Math::max);
        }
        return m;
    }
}
