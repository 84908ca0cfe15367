package org.softglass.cli.md;

import org.softglass.study.aging.MdAgingStudy;
import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.aging.ModelAging;
import org.softglass.core.aging.ModelCurve;
import org.softglass.core.params.ModelParameters;

/**
 * {@code softglass md-aging} end to end on a tiny KA system (N = 256) with a real softness model (the
 * fluidity-100 hyperplane of a demo-preset pipeline run, {@code src/test/resources/aging/}).
 *
 * <p>Physics check: the quench must act on the structure. On thermal positions the response of ⟨S⟩ to
 * T_F is immediate (the vibrational spread of the neighbour shells shrinks within ~0.1 τ of the quench), so
 * a 0.5 τ run per T_F suffices: T_F = T_I keeps ⟨S⟩ stationary (late − early within 3 SE), T_F = 0.3 lowers
 * it by many SE. The inherent-structure ⟨S⟩ ages only logarithmically over 1–10⁴ τ (the papers' Fig. 5b),
 * far beyond a unit test on two cores; the real-data measurement is in the README.
 */
class MdAgingCommandTest {
    static Path resource(String name) throws Exception {
        return Path.of(MdAgingCommandTest.class.getResource("/aging/" + name).toURI());
    }

    /** {@code a} with option {@code opt} set to {@code value} (replaced if present, else appended). */
    static String[] with(String[] a, String opt, String value) {
        List<String> l = new ArrayList<>(List.of(a));
        int i = l.indexOf(opt);
        if (i >= 0) l.set(i + 1, value); else { l.add(opt); l.add(value); }
        return l.toArray(String[]::new);
    }

    static String[] args(Path out, String... extra) throws Exception {
        List<String> a = new ArrayList<>(List.of("md-aging", "--model", resource("ka-demo-model.json").toString(), "--ti", "1.0",
                "--tf", "1.0,0.3", "--n", "256", "--replicas", "4", "--equilibrate", "600", "--melt-steps", "200", "--tw-max", "0.5",
                "--per-decade", "2", "--positions", "thermal", "--threads", "1", "--quiet", "--out", out.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** Rows of aging.csv as doubles (empty cells NaN). */
    static List<double[]> table(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(MdAgingStudy.CSV_HEADER, lines.getFirst());
        List<double[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            rows.add(Arrays.stream(l.split(",", -1)).mapToDouble(s -> s.isEmpty() ? Double.NaN : Double.parseDouble(s)).toArray());
        }
        return rows;
    }

    static List<double[]> at(List<double[]> rows, double tf) {
        return rows.stream().filter(r -> r[0] == tf).toList();
    }

    @Test
    void quenchLowersSoftnessAndEqualTemperatureKeepsItStationary(@TempDir Path root) throws Exception {
        Path a = root.resolve("a");
        var r = CliRunner.run(args(a, "--no-models"));
        assertEquals(0, r.code(), r.err());
        List<double[]> rows = table(a.resolve("aging.csv"));
        assertEquals(2 * 3, rows.size(), "t_w = 0, 0.1, 0.5 for each T_F");
        // columns: T_F,t_w,mean_s_md,mean_s_md_err,replicas,...
        List<double[]> same = at(rows, 1.0), cold = at(rows, 0.3);
        assertEquals(0.0, same.getFirst()[1]);
        assertEquals(4.0, same.getFirst()[4]);
        double[] e1 = same.getFirst(), l1 = same.getLast(), e2 = cold.getFirst(), l2 = cold.getLast();
        assertArrayEquals(Arrays.copyOfRange(e1, 1, 5), Arrays.copyOfRange(e2, 1, 5), "both T_F start from the same T_I states");
        double se1 = Math.hypot(e1[3], l1[3]), se2 = Math.hypot(e2[3], l2[3]);
        assertTrue(se1 > 0 && se2 > 0);
        assertTrue(Math.abs(l1[2] - e1[2]) < 3 * se1, "T_F = T_I: stationary, late " + l1[2] + " early " + e1[2] + " SE " + se1);
        assertTrue(e2[2] - l2[2] > 3 * se2, "T_F = 0.3: <S> falls, early " + e2[2] + " late " + l2[2] + " SE " + se2);
        JsonNode j = new ObjectMapper().readTree(a.resolve("aging.json").toFile());
        assertEquals(MdAgingStudy.SCHEMA, j.get("schema").asText());
        assertEquals("thermal", j.path("settings").path("positions").asText());
        assertEquals("unmatched", j.path("time_matching").path("label").asText());
        assertEquals(4, j.path("temperatures").get(1).path("md_replicas_mean_s").size());
        assertTrue(Files.size(a.resolve("aging.png")) > 0 && Files.exists(a.resolve("manifest.json")));

        // another seed gives another replica 0 (one replica: cheap)
        Path c = root.resolve("c");
        assertEquals(0, CliRunner.run(with(with(args(c, "--no-models"), "--seed", "5"), "--replicas", "1")).code());
        Path r0 = Path.of("replicas", "r000", "T0.300", "softness.csv");
        assertFalse(Files.readString(a.resolve(r0)).equals(Files.readString(c.resolve(r0))));
        // determinism: the same seed and threads in a fresh directory give an identical table
        Path d = root.resolve("d");
        assertEquals(0, CliRunner.run(with(with(args(d, "--no-models"), "--seed", "5"), "--replicas", "1")).code());
        assertEquals(Files.readString(c.resolve("aging.csv")), Files.readString(d.resolve("aging.csv")));
        assertEquals(Files.readString(c.resolve("aging.json")), Files.readString(d.resolve("aging.json")).replace(d.toString(), c.toString()));

        // resume: finished replicas are read back (the MD columns unchanged); now with the models, matched by a summary
        Path summary = root.resolve("summary.json");
        Files.writeString(summary, "{\"settings\":{\"inherent_structures\":false},\"time_matching\":{\"trap\":{\"factor\":7.0},"
                + "\"trsp\":{\"factor\":null,\"refused\":\"no common temperature\"}}}");
        Path params = resource("ka-demo-parameters.json");
        var m = CliRunner.run(args(a, "--params", params.toString(), "--summary", summary.toString(), "--trsp-trajectories", "2",
                "--trsp-L", "16"));
        assertEquals(0, m.code(), m.err());
        List<double[]> withModels = table(a.resolve("aging.csv"));
        ModelParameters p = ModelParameters.read(params);
        double[] tw = same.stream().mapToDouble(x -> x[1]).toArray();
        for (int k = 0; k < rows.size(); k++) {
            assertArrayEquals(Arrays.copyOfRange(rows.get(k), 0, 5), Arrays.copyOfRange(withModels.get(k), 0, 5), "MD row " + k);
        }
        for (double tf : new double[] {1.0, 0.3}) {
            ModelCurve trap = ModelAging.trap(p, 1.0, tf, tw[1] * 7, tw[tw.length - 1] * 7, 2000);
            List<double[]> mine = at(withModels, tf);
            for (int k = 0; k < tw.length; k++) {
                assertEquals(trap.atMatched(tw[k], 7).mean(), mine.get(k)[5], 1e-12, "trap at 7 t_w, T_F " + tf + " t_w " + tw[k]);
                assertTrue(Double.isFinite(mine.get(k)[6]), "TRSP value (unmatched, factor 1)");
            }
        }
        JsonNode jm = new ObjectMapper().readTree(a.resolve("aging.json").toFile());
        assertEquals(7.0, jm.path("time_matching").path("trap").path("factor").asDouble());
        assertTrue(jm.path("time_matching").path("trap").path("matched").asBoolean());
        assertFalse(jm.path("time_matching").path("trsp").path("matched").asBoolean());
        assertEquals(1.0, jm.path("time_matching").path("trsp").path("factor").asDouble());
        assertEquals(p.meanS().at(0.3), jm.path("temperatures").get(1).path("equilibrium_mean_s_fit").asDouble(), 1e-15);

        // a summary without time_matching is refused in one line
        Path old = root.resolve("old.json");
        Files.writeString(old, "{\"settings\":{}}");
        var bad = CliRunner.run(args(a, "--params", params.toString(), "--summary", old.toString()));
        assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
        assertTrue(bad.err().contains("time_matching"), bad.err());
        // other settings in the same --out are refused, not mixed with the finished replicas
        var other = CliRunner.run(with(args(a, "--no-models"), "--equilibrate", "700"));
        assertEquals(ExitCodes.USAGE, other.code(), other.err());
        assertTrue(other.err().contains("other settings"), other.err());
    }

    @Test
    void badOptionsAreOneLineErrors(@TempDir Path root) throws Exception {
        String[][] cases = {
            {"--tf", "0", "--tf"}, {"--tf", "-0.5", "--tf"}, {"--replicas", "0", "--replicas"}, {"--positions", "relaxed", "--positions"},
            {"--tw-max", "0.05", "--tw-max"}, {"--trsp-m", "3", "--trsp-m"},
        };
        for (String[] c : cases) {
            var r = CliRunner.run(with(args(root.resolve("x"), "--no-models"), c[0], c[1]));
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(c[2]), r.err());
        }
        var missing = CliRunner.run("md-aging", "--model", root.resolve("nope.json").toString(), "--tf", "0.5", "--no-models", "--out",
                root.resolve("y").toString());
        assertEquals(ExitCodes.USAGE, missing.code(), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("--model") && missing.err().contains("nope.json"), missing.err());
        var noParams = CliRunner.run(args(root.resolve("z")));
        assertEquals(ExitCodes.USAGE, noParams.code());
        assertTrue(noParams.err().contains("--params"), noParams.err());
        assertFalse(Files.exists(root.resolve("x").resolve("replicas")), "nothing was simulated for refused options");
    }

    /**
     * ⟨S⟩ is the pipeline's quantity: at t_w = 0 (the equilibrated T_I state) the inherent-structure ⟨S⟩ of
     * md-aging equals {@code softness MODEL IS.dump} applied to {@code quench} of that state, the pipeline's
     * path (to 1e-6: the IS is minimised to |F| &lt; 1e-10 from the wrapped rather than the dumped positions).
     */
    @Test
    void inherentSoftnessIsThePipelinesSoftness(@TempDir Path root) throws Exception {
        Path a = root.resolve("a");
        String[] cmd = with(with(with(with(with(with(with(args(a, "--no-models"), "--positions", "inherent"), "--replicas", "1"),
                "--tf", "1.0"), "--equilibrate", "200"), "--melt-steps", "0"), "--tw-max", "0.006"), "--tw-min", "0.005");
        var r = CliRunner.run(cmd);
        assertEquals(0, r.code(), r.err());
        double[] first = table(a.resolve("aging.csv")).getFirst();
        assertEquals(0.0, first[1]);
        Path dump = a.resolve("replicas").resolve("r000").resolve("equilibrate").resolve("traj.dump");
        assertEquals(0, CliRunner.run("quench", dump.toString(), "--out", root.resolve("q").toString(), "--threads", "1", "--quiet").code());
        var s = CliRunner.run("softness", resource("ka-demo-model.json").toString(), root.resolve("q").resolve("is.dump").toString(),
                "--out", root.resolve("s").toString(), "--threads", "1", "--quiet");
        assertEquals(0, s.code(), s.err());
        List<String> frames = Files.readAllLines(root.resolve("s").resolve("frames.csv"));
        assertEquals(2, frames.size(), "one frame");
        double pipeline = Double.parseDouble(frames.get(1).split(",")[3]);
        assertEquals(pipeline, first[2], 1e-6, "md-aging <S>(0) vs softness on quench of the same state");
        // the thermal <S> of the same state differs: the test tells the two kinds of positions apart
        var t = CliRunner.run("softness", resource("ka-demo-model.json").toString(), dump.toString(),
                "--out", root.resolve("t").toString(), "--threads", "1", "--quiet");
        double thermal = Double.parseDouble(Files.readAllLines(root.resolve("t").resolve("frames.csv")).get(1).split(",")[3]);
        assertTrue(Math.abs(thermal - pipeline) > 0.1, "thermal " + thermal + " vs inherent " + pipeline);
    }
}
