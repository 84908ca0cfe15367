package org.softglass.cli.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.cli.CliRunner;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyReader;

/**
 * The three-body Stillinger–Weber preset ({@code --model sw}) through simulate, energy, quench, hessian,
 * stiffness and shear-modulus end to end (N = 64: a short run, its inherent structures).
 */
class SwModelCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCommandAcceptsSw(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("simulate", "--model", "sw", "--n", "64", "-T", "0.08", "--melt-temperature", "0.3",
                "--melt-steps", "100", "--equilibrate", "100", "--steps", "200", "--dump-every", "200", "--inherent",
                "--out", run.toString(), "--threads", "1", "--quiet");
        assertEquals(0, r.code(), r.err());
        Path is = run.resolve("is.dump");
        List<String> ise = Files.readAllLines(run.resolve("is_energy.csv"));
        assertEquals(3, ise.size(), ise.toString()); // header + frames at steps 0, 200
        double uis = Double.parseDouble(ise.get(1).split(",")[2]);
        assertTrue(uis < -1.8 && uis > -2.0, "SW inherent-structure energy per particle (diamond crystal: -2 epsilon): " + uis);

        r = CliRunner.run("energy", "--model", "sw", is.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(uis, Double.parseDouble(r.out().lines().skip(1).findFirst().orElseThrow().split(",")[3]), 1e-9, r.out());

        r = CliRunner.run("quench", "--model", "sw", run.resolve("traj.dump").toString(), "--out", dir.resolve("q").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());

        Path h = dir.resolve("h");
        r = CliRunner.run("hessian", "--model", "sw", is.toString(), "--out", h.toString(), "--modes", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(h.resolve("hessian.json").toFile());
        NpyArray t = NpyReader.read(h.resolve("hessian_triplet_blocks.npy"));
        assertEquals(j.get("triplet_blocks").asLong(), t.shape()[0]);
        assertEquals(11, t.shape()[1]);
        assertTrue(j.get("lowest_nonzero_eigenvalue").asDouble() > 0, "a stable minimum: " + j);

        r = CliRunner.run("stiffness", "--model", "sw", is.toString(), "--out", dir.resolve("k").toString(), "--dipoles", "4", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(JSON.readTree(dir.resolve("k/stiffness.json").toFile()).get("kappa_mean").asDouble() > 0);

        r = CliRunner.run("shear-modulus", "--model", "sw", is.toString(), "--out", dir.resolve("g").toString(), "--check-strain", "1e-4", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode g = JSON.readTree(dir.resolve("g/shear_modulus.json").toFile());
        assertTrue(g.get("G_mean").asDouble() > 0, g.toString());
        assertTrue(g.get("check_strain").get("valid_check").asBoolean(), g.toString());
        // eq A1 with the triplet terms against the relaxed finite-strain G: O(gamma) nonlinearity, 5e-4 seen at N = 216
        assertTrue(g.get("check_strain").get("max_relative_difference").asDouble() < 1e-2, g.toString());
    }

    /** sw has one species: a second one asked for by --fraction-a is refused by name before anything runs. */
    @Test
    void simulateRefusesASecondSpecies(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("simulate", "--model", "sw", "--n", "64", "-T", "0.08", "--fraction-a", "0.5", "--steps", "10",
                "--out", dir.resolve("r").toString(), "--quiet");
        assertEquals(org.softglass.cli.ExitCodes.USAGE, r.code(), r.err());
        assertEquals("softglass: --fraction-a must be 1 for the one-species model 'sw', got 0.5", r.err().strip());
    }
}
