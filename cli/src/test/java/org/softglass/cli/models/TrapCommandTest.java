package org.softglass.cli.models;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trap.TrapModel;
import org.softglass.core.trap.TrapPresets;

/** {@code softglass trap ...} end to end: outputs, their content, and errors. */
class TrapCommandTest {

    static void assertPng(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', p + " is a PNG");
    }

    static double col(String header, String row, String name) {
        List<String> h = List.of(header.split(","));
        return Double.parseDouble(row.split(",")[h.indexOf(name)]);
    }

    @Test
    void equilibrium(@TempDir Path dir) throws Exception {
        var r = CliRunner.run("trap", "equilibrium", "--t-range", "0.4:1.0:7", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("equilibrium.csv"));
        assertEquals(8, csv.size());
        String h = csv.get(0);
        assertEquals(0.4, col(h, csv.get(1), "T"), 1e-12);
        TrapModel m = TrapModel.of(TrapPresets.ka());
        for (String row : csv.subList(1, 8)) {
            double t = col(h, row, "T");
            assertEquals(m.meanS(t), col(h, row, "mean_s"), 1e-15);
            assertEquals(col(h, row, "mean_s"), col(h, row, "mean_s_numeric"), 1e-8);   // as TrapModelTest
            assertEquals(col(h, row, "var_s"), col(h, row, "var_s_numeric"), 1e-8);
        }
        assertPng(dir.resolve("equilibrium_mean_s.png"));
        assertTrue(Files.readString(dir.resolve("equilibrium.manifest.json")).contains("\"command\" : \"trap equilibrium\""));
        assertEquals(TrapPresets.ka().barriers(), ModelParameters.read(dir.resolve("trap_parameters.json")).barriers());
    }

    @Test
    void barrierParametersGivenDirectly(@TempDir Path dir) throws Exception {
        var r = CliRunner.run("trap", "equilibrium", "-T", "0.5", "--eps0", "6", "--eps1", "-1.2", "--eps2", "0.05",
                "--entropy0", "7", "--t0", "0.8", "--s0", "-0.5", "--sigma-s", "1.2", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        var p = ModelParameters.read(dir.resolve("trap_parameters.json"));
        assertEquals(new ModelParameters.Barriers(6, -1.2, 0.05, 7, 0.8), p.barriers());
        List<String> csv = Files.readAllLines(dir.resolve("equilibrium.csv"));
        assertEquals(TrapModel.of(p).meanS(0.5), col(csv.get(0), csv.get(1), "mean_s"), 1e-15);
        r = CliRunner.run("trap", "equilibrium", "-T", "0.5", "--t0", "-1", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--t0 must be > 0"), r.err());
    }

    @Test
    void relaxFromAParameterFileWithSites(@TempDir Path dir) throws Exception {
        Path params = dir.resolve("params.json");
        TrapPresets.ka().write(params);
        Path out = dir.resolve("out");
        var r = CliRunner.run("trap", "relax", "--params", params.toString(), "-T", "0.5", "--points", "60", "--m", "3",
                "--sites", "50000", "--seed", "4", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> sum = Files.readAllLines(out.resolve("relax_summary.csv"));
        assertEquals(TrapRelaxCommand.SUMMARY_HEADER, sum.get(0));
        assertEquals(0.75, col(sum.get(0), sum.get(1), "chi4_star"), 1e-12);                 // m/4
        double tauQ = col(sum.get(0), sum.get(1), "tau_Q");
        List<String> csv = Files.readAllLines(out.resolve("relax.csv"));
        assertEquals(61, csv.size());
        String h = csv.get(0);
        assertEquals(TrapRelaxCommand.CSV_HEADER + ",Q_mc,Q_mc_err", h);
        assertEquals(1e-4 * tauQ, col(h, csv.get(1), "t"), 1e-12 * tauQ);                    // 12 decades by default
        assertEquals(1e8 * tauQ, col(h, csv.get(60), "t"), 1e-4 * tauQ);
        for (String row : csv.subList(1, 61)) {
            double q = col(h, row, "Q");
            assertEquals(3 * (q - q * q), col(h, row, "chi4"), 1e-12);
            // exact sites: 5 binomial standard errors (+ one site for Q ≈ 0 or 1)
            assertEquals(q, col(h, row, "Q_mc"), 5 * col(h, row, "Q_mc_err") + 1.0 / 50000);
        }
        assertPng(out.resolve("relax_Q.png"));
        assertPng(out.resolve("relax_chi4.png"));
        assertTrue(Files.readString(out.resolve("relax.manifest.json")).contains("sha256"), "input file recorded");
    }

    @Test
    void fragilityOfAnMdTable(@TempDir Path dir) throws Exception {
        // ln(tau/0.3) = 2.1^2 (1/T - 1/0.95)^2: T_g and m in closed form (FragilityTest)
        StringBuilder sb = new StringBuilder("T,tau\n");
        for (int i = 0; i < 10; i++) {
            double t = 0.45 + 0.04 * i, d = 1 / t - 1 / 0.95;
            sb.append(t).append(',').append(0.3 * Math.exp(2.1 * 2.1 * d * d)).append('\n');
        }
        Path md = dir.resolve("md.csv");
        Files.writeString(md, sb);
        var r = CliRunner.run("trap", "fragility", "--md", md.toString(), "--no-model", "--tg", "0.4", "--out", dir.resolve("f").toString());
        assertEquals(0, r.code(), r.err());
        String json = Files.readString(dir.resolve("f").resolve("fragility.json"));
        double xg = 1 / 0.95 + Math.sqrt(Math.log(1e7 / 0.3)) / 2.1;
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("md");
        assertEquals(1 / xg, node.get("T_g").asDouble(), 1e-9);
        assertEquals(xg * 2 * 2.1 * 2.1 * (xg - 1 / 0.95), node.get("m").asDouble(), 1e-6);
        assertTrue(node.has("m_at_fixed_tg"));
        assertPng(dir.resolve("f").resolve("fragility.png"));
        // model + md together
        r = CliRunner.run("trap", "fragility", "--md", md.toString(), "--t-range", "0.45:0.8:6", "--quiet", "--out", dir.resolve("g").toString());
        assertEquals(0, r.code(), r.err());
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("g").resolve("fragility.json").toFile());
        assertTrue(root.get("model").get("m").asDouble() > 0 && root.get("model").get("T_g").asDouble() < 0.45);
        assertTrue(root.get("definitions").get("m").asText().contains("natural logarithm"), root.toString());
        assertTrue(root.get("definitions").get("m_decimal").asText().contains("Angell"), root.toString());
        assertEquals(root.get("model").get("m").asDouble() / Math.log(10), root.get("model").get("m_decimal").asDouble(), 1e-12);
    }

    @Test
    void agingWithSites(@TempDir Path dir) throws Exception {
        var r = CliRunner.run("trap", "aging", "--tf", "0.55,0.7", "--bins", "400", "--tw-min", "1", "--tw-max", "1e4",
                "--outputs-per-decade", "2", "--sites", "4000", "--quiet", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("aging.csv"));
        String h = csv.get(0);
        assertEquals(TrapAgingCommand.CSV_HEADER + ",mean_s_mc,mean_s_mc_err", h);
        assertEquals(1 + 2 * 9, csv.size());
        for (String row : csv.subList(1, csv.size())) {
            // master equation vs exact sites: 5 standard errors of the site mean
            assertEquals(col(h, row, "mean_s"), col(h, row, "mean_s_mc"), 5 * col(h, row, "mean_s_mc_err"));
        }
        assertTrue(col(h, csv.get(9), "mean_s") < col(h, csv.get(1), "mean_s"), "<S> decreases during aging");
        assertFalse(Files.readAllLines(dir.resolve("aging_density.csv")).isEmpty());
        assertPng(dir.resolve("aging_mean_s.png"));
        assertTrue(Files.readString(dir.resolve("aging.manifest.json")).contains("max_mass_defect_per_step"));
    }

    @Test
    void invalidInputIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        var r = CliRunner.run("trap", "aging", "--tf", "0", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("temperature must be finite and > 0"), r.err());
        r = CliRunner.run("trap", "relax", "-T", "0.5", "--sigma-s", "-1", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--sigma-s must be > 0"), r.err());
        r = CliRunner.run("trap", "equilibrium", "--preset", "xx", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("unknown trap preset 'xx'"), r.err());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(writeKa(dir)).replace("\"sigma0\" : 1.0", "\"sigma0\" : -1.0"));
        r = CliRunner.run("trap", "equilibrium", "--params", bad.toString(), "--out", dir.toString());
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("sigma0 must be > 0"), r.err());
        Path md = dir.resolve("md.csv");
        Files.writeString(md, "T,tau\n0.5,10\n0.6,x\n0.7,2\n");
        r = CliRunner.run("trap", "fragility", "--md", md.toString(), "--no-model", "--out", dir.toString());
        assertEquals(ExitCodes.INPUT, r.code());
        assertTrue(r.err().contains(md + ":3:"), r.err());
        // 1 - 2 delta sigma0^2 <= 0 at T = 0.05 with sigma0 = 5
        r = CliRunner.run("trap", "relax", "-T", "0.05", "--sigma-s", "5", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("not normalisable"), r.err());
    }

    /** A fit that defines no T_g is a failed computation (exit 1), not a usage error (it was 2 before the kinds). */
    @Test
    void fragilityWithoutSuperArrheniusCurvatureFails(@TempDir Path dir) throws Exception {
        // ln tau = 2/T - 0.5/T^2: a parabola in 1/T with curvature c = -0.5 < 0
        StringBuilder sb = new StringBuilder("T,tau\n");
        for (double t : new double[]{0.5, 0.6, 0.7, 0.8}) sb.append(t).append(',').append(Math.exp(2 / t - 0.5 / (t * t))).append('\n');
        Path md = dir.resolve("md.csv");
        Files.writeString(md, sb);
        var r = CliRunner.run("trap", "fragility", "--md", md.toString(), "--no-model", "--out", dir.resolve("f").toString());
        assertEquals(ExitCodes.FAILED, r.code(), r.err());
        assertTrue(r.err().contains("curvature") && r.err().contains("not super-Arrhenius"), r.err());
    }

    static Path writeKa(Path dir) throws Exception {
        Path p = dir.resolve("ka.json");
        TrapPresets.ka().write(p);
        return p;
    }
}
