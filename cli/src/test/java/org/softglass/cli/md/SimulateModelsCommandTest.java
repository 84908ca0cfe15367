package org.softglass.cli.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.cli.CliRunner;

/** {@code simulate --model} with paper 004's added pair models and the {@code harmonic-ss} alias. */
class SimulateModelsCommandTest {

    /**
     * Each name runs a short MD (N = 300 at the model's default density) to exit 0 with finite thermo
     * rows and a non-zero potential energy; the manifest records the name given.
     */
    @Test
    void addedModelsAndAliasRun(@TempDir Path dir) throws Exception {
        for (String model : List.of("mblj", "sticky-spheres", "harmonic-ss")) {
            Path out = dir.resolve(model);
            CliRunner.Result r = CliRunner.run("simulate", "--model", model, "--n", "300", "--temperature", "1.0", "--steps", "20",
                    "--melt-steps", "10", "--equilibrate", "10", "--dump-every", "10", "--thermo-every", "10", "--checkpoint-every", "20",
                    "--threads", "1", "--quiet", "--out", out.toString());
            assertEquals(0, r.code(), model + ": " + r.err());
            List<String> thermo = Files.readAllLines(out.resolve("thermo.csv"));
            assertEquals("step,time,temperature,pe,ke,press,conserved", thermo.get(0));
            assertEquals(1 + 3, thermo.size(), model);
            for (String row : thermo.subList(1, thermo.size())) {
                for (String v : row.split(",")) assertTrue(Double.isFinite(Double.parseDouble(v)), model + ": " + row);
            }
            double pe = Double.parseDouble(thermo.get(thermo.size() - 1).split(",")[3]);
            assertTrue(pe != 0, model + ": the pair potential acts, pe = " + pe);
            String manifest = Files.readString(out.resolve("manifest.json"));
            assertTrue(manifest.contains("\"" + model + "\""), model + ": " + manifest);
        }
    }

    /** The help of --model names the new presets and says which "ss" is which. */
    @Test
    void helpNamesTheModels() {
        CliRunner.Result r = CliRunner.run("simulate", "--help");
        assertEquals(0, r.code(), r.err());
        for (String s : List.of("mblj", "sticky-spheres", "harmonic-ss", "paper 000")) assertTrue(r.out().contains(s), s + " in: " + r.out());
        CliRunner.Result bad = CliRunner.run("simulate", "--model", "SS", "--temperature", "1", "--steps", "1", "--out", "unused-dir-not-created");
        assertTrue(bad.code() != 0);
        assertTrue(bad.err().contains("sticky-spheres"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }
}
