package org.softglass.cli.elastic;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;

/** hessian, stiffness and shear-modulus end to end on the LAMMPS fixtures. */
class ElasticCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path is() { return CliRunner.fixture("ka_N1000_T0.8_inherent_structure.dump"); }

    @Test
    void hessianWritesBlocksAndSummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("h");
        CliRunner.Result r = CliRunner.run("hessian", is().toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(out.resolve("hessian.json").toFile());
        assertEquals(1000, j.get("particles").asInt());
        assertTrue(j.get("fmax").asDouble() < 1e-10);
        assertEquals(-7555.42414064805, j.get("energy").asDouble(), 1e-8);
        NpyArray a = NpyReader.read(out.resolve("hessian_blocks.npy"));
        assertEquals(j.get("stored_blocks").asLong(), a.shape()[0]);
        assertEquals(8, a.shape()[1]);
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }

    /** The thermal forces frame is not a minimum: refused, exit 1, the reason in one line, no outputs. */
    @Test
    void refusesFrameNotAtMinimum(@TempDir Path dir) {
        Path out = dir.resolve("h");
        CliRunner.Result r = CliRunner.run("stiffness", CliRunner.fixture("ka_N1000_T0.8_forces_frame.dump").toString(), "--out", out.toString(),
                "--threads", "1", "--quiet");
        assertEquals(ExitCodes.FAILED, r.code());
        assertTrue(r.err().contains("not at an energy minimum"), r.err());
        assertEquals(1, r.err().strip().lines().count());
        assertFalse(Files.exists(out.resolve("dipoles.csv")));
    }

    /**
     * CG and Cholesky give the same κ (CG tolerance 1e-12, cond ≈ 800: agreement ≲ 1e-9 relative),
     * and the CG run is identical for 1 and 2 threads.
     */
    @Test
    void stiffnessCgAgreesWithCholeskyAndIsDeterministic(@TempDir Path dir) throws Exception {
        String[] common = {"stiffness", is().toString(), "--dipoles", "8", "--seed", "3", "--quiet", "--tol", "1e-12"};
        CliRunner.Result a = CliRunner.run(concat(common, "--out", dir.resolve("cg1").toString(), "--threads", "1"));
        CliRunner.Result b = CliRunner.run(concat(common, "--out", dir.resolve("cg2").toString(), "--threads", "2"));
        CliRunner.Result c = CliRunner.run(concat(common, "--out", dir.resolve("ch").toString(), "--threads", "1", "--solver", "cholesky"));
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertEquals(0, c.code(), c.err());
        assertEquals(Files.readAllLines(dir.resolve("cg1/dipoles.csv")), Files.readAllLines(dir.resolve("cg2/dipoles.csv")));
        List<String> cg = Files.readAllLines(dir.resolve("cg1/dipoles.csv")), ch = Files.readAllLines(dir.resolve("ch/dipoles.csv"));
        assertEquals(9, cg.size());
        for (int k = 1; k < cg.size(); k++) {
            String[] x = cg.get(k).split(","), y = ch.get(k).split(",");
            assertEquals(x[1], y[1]);
            assertEquals(x[2], y[2]);
            double kc = Double.parseDouble(x[3]);
            assertEquals(kc, Double.parseDouble(y[3]), 1e-9 * kc);
        }
        JsonNode j = JSON.readTree(dir.resolve("cg1/stiffness.json").toFile());
        assertTrue(j.get("kappa_mean").asDouble() > 0);
        assertTrue(Files.size(dir.resolve("cg1/kappa_distribution.png")) > 1000);
    }

    /**
     * C_s(1/κ_i, mobility) per species (paper 004): with mobility = 1/κ_i for A and −1/κ_i for B the per-species
     * C_s are +1 and −1 exactly, while the pooled value (the first structure, all species) lies between.
     */
    @Test
    void spearmanIsPerSpecies(@TempDir Path dir) throws Exception {
        String[] common = {"stiffness", is().toString(), "--dipoles", "60", "--seed", "3", "--quiet"};
        CliRunner.Result a = CliRunner.run(concat(common, "--out", dir.resolve("k").toString()));
        assertEquals(0, a.code(), a.err());
        StringBuilder mob = new StringBuilder("frame,id,mobility\n");
        List<String> rows = Files.readAllLines(dir.resolve("k/local_kappa.csv"));
        int na = 0, nb = 0;
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",");   // frame,id,type,kappa_local,dipoles
            double inv = 1 / Double.parseDouble(f[3]);
            boolean isA = f[2].equals("1");
            if (isA) na++; else nb++;
            mob.append(f[0]).append(',').append(f[1]).append(',').append(isA ? inv : -inv).append('\n');
        }
        assertTrue(na >= 3 && nb >= 3, "A " + na + ", B " + nb);
        Path m = dir.resolve("mob.csv");
        Files.writeString(m, mob);
        CliRunner.Result b = CliRunner.run(concat(common, "--out", dir.resolve("k2").toString(), "--mobility", m.toString()));
        assertEquals(0, b.code(), b.err());
        JsonNode j = JSON.readTree(dir.resolve("k2/stiffness.json").toFile());
        assertEquals(1.0, j.get("spearman_by_species").get("A").get("mean").asDouble(), 1e-12);
        assertEquals(-1.0, j.get("spearman_by_species").get("B").get("mean").asDouble(), 1e-12);
        assertEquals(1, j.get("spearman_by_species").get("A").get("structures").asInt());
        assertTrue(j.get("spearman_by_species").get("A").get("sem").isNull(), "one structure: no standard error");
        double pooled = j.get("spearman_inverse_kappa_mobility").asDouble();
        assertTrue(pooled > -1 && pooled < 1, "pooled " + pooled);
        // a 1-based file (structure 1 of a single structure) is refused, not silently paired with the wrong structure
        Files.writeString(m, mob.toString().replaceAll("(?m)^0,", "1,"));
        CliRunner.Result c = CliRunner.run(concat(common, "--out", dir.resolve("k3").toString(), "--mobility", m.toString()));
        assertEquals(ExitCodes.INPUT, c.code(), c.err());
        assertTrue(c.err().contains("has mobilities of structure 1, expected structures 0..0"), c.err());
    }

    /** A mobility file with a bad line is an input error naming file and line (exit 3). */
    @Test
    void badMobilityFile(@TempDir Path dir) throws Exception {
        Path mob = dir.resolve("mob.csv");
        Files.writeString(mob, "id,mobility\n1,0.5\n2,abc\n");
        CliRunner.Result r = CliRunner.run("stiffness", is().toString(), "--out", dir.resolve("s").toString(), "--mobility", mob.toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, r.code());
        assertTrue(r.err().contains("mob.csv:3"), r.err());
        CliRunner.Result s = CliRunner.run("stiffness", is().toString(), "--out", dir.resolve("s").toString(), "--solver", "lu", "--quiet");
        assertEquals(ExitCodes.USAGE, s.code());
    }

    @Test
    void shearModulusOfFixture(@TempDir Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run("shear-modulus", is().toString(), "--out", dir.resolve("g").toString(), "--threads", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(dir.resolve("g/shear_modulus.json").toFile());
        double g = j.get("G_mean").asDouble(), born = j.get("born_mean").asDouble();
        assertTrue(g > 0 && g < born, "G " + g + ", Born " + born);
    }

    /**
     * KA's lj/cut force jumps at r_c, so the finite-strain G is no check of eq A1 there (ShearModulusTest uses the
     * smooth IPL and harmonic spheres for that): the command labels it so instead of reporting a pass or fail.
     */
    @Test
    void checkStrainIsLabelledNoCheckForAForceTruncatedPotential(@TempDir Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run("shear-modulus", is().toString(), "--out", dir.resolve("g").toString(), "--threads", "2",
                "--check-strain", "1e-5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("--check-strain is no check of eq A1 for this potential: the ka pair force jumps"), r.err());
        JsonNode c = JSON.readTree(dir.resolve("g/shear_modulus.json").toFile()).get("check_strain");
        assertFalse(c.get("valid_check").asBoolean());
        assertTrue(c.get("note").asText().startsWith("no check of eq A1"), c.toString());
        assertTrue(c.get("max_relative_difference").asDouble() >= 0);
        assertTrue(org.softglass.study.elastic.ShearModulusStudy.forceJumpAtCutoff(org.softglass.core.energy.Models.ka()) != null);
        assertEquals(null, org.softglass.study.elastic.ShearModulusStudy.forceJumpAtCutoff(org.softglass.core.energy.Models.ipl()), "IPL is smooth at its cutoff");
        assertEquals(null, org.softglass.study.elastic.ShearModulusStudy.forceJumpAtCutoff(org.softglass.core.energy.Models.ss()), "harmonic spheres: zero force at contact");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}