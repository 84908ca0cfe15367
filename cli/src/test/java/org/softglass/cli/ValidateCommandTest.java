package org.softglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code softglass validate} on two cheap catalogue checks (LAMMPS parity of U/N and the virial
 * pressure at the fixture's inherent structure, ~0.1 s): the table, the JSON, and the error paths.
 */
class ValidateCommandTest {
    static final String CHEAP = "lammps.is-energy,lammps.is-pressure";

    static String fixtures() {
        return CliRunner.fixture("ka_N1000_T0.8_inherent_structure.dump").getParent().getParent().toString();
    }

    @Test
    void printsTheTableAndPasses() {
        CliRunner.Result r = CliRunner.run("validate", "--only", CHEAP, "--fixtures", fixtures(), "--threads", "2");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length, r.out());
        assertTrue(lines[0].matches("check\\s+expected\\s+measured\\s+tolerance\\s+result"), lines[0]);
        assertTrue(lines[1].startsWith("lammps.is-energy") && lines[1].contains("-7.55542") && lines[1].endsWith("pass"), lines[1]);
        assertTrue(lines[2].startsWith("lammps.is-pressure") && lines[2].endsWith("pass"), lines[2]);
        // aligned: the "result" column starts at the same offset in every line
        assertEquals(lines[0].indexOf("result"), lines[1].lastIndexOf("pass"));
        assertEquals(lines[0].indexOf("result"), lines[2].lastIndexOf("pass"));
        // one progress line per check on stderr
        assertTrue(r.err().contains("[1/2] lammps.is-energy ... pass") && r.err().contains("[2/2] lammps.is-pressure ... pass"), r.err());
        CliRunner.Result q = CliRunner.run("validate", "--only", CHEAP, "--fixtures", fixtures(), "--quiet");
        assertEquals(ExitCodes.OK, q.code());
        assertEquals("", q.err());
    }

    @Test
    void jsonHasEveryField(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("v.json");
        CliRunner.Result r = CliRunner.run("validate", "--only", CHEAP, "--fixtures", fixtures(), "--json", json.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("softglass.validation/1", root.get("schema").asText());
        for (String f : new String[] {"version", "set", "threads", "seed", "fixtures", "all_pass", "seconds", "checks"}) assertTrue(root.has(f), f);
        assertEquals("only", root.get("set").asText());
        assertTrue(root.get("all_pass").asBoolean());
        assertEquals(2, root.get("checks").size());
        JsonNode c = root.get("checks").get(0);
        assertEquals("lammps.is-energy", c.get("name").asText());
        for (String f : new String[] {"name", "description", "comparison", "expected", "measured", "tolerance", "pass", "detail", "seconds"}) {
            assertTrue(c.has(f), f);
        }
        assertEquals(-7.55542414064805, c.get("expected").asDouble());
        assertEquals(-7.55542414064805, c.get("measured").asDouble(), c.get("tolerance").asDouble());
        assertTrue(c.get("pass").asBoolean());
        assertTrue(Files.exists(Path.of(json + ".manifest.json")));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary files left beside the JSON");
        }
    }

    @Test
    void unknownCheckNameIsAUsageErrorListingTheNames() {
        CliRunner.Result r = CliRunner.run("validate", "--only", "lammps.forces,no.such.check", "--fixtures", fixtures());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("no.such.check") && r.err().contains("md.nve-drift") && r.err().contains("trsp.detailed-balance"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingFixturesDirectoryIsAnInputError(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");
        CliRunner.Result r = CliRunner.run("validate", "--only", CHEAP, "--fixtures", missing.toString());
        assertEquals(ExitCodes.INPUT, r.code());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains(missing.toString()), r.err());
        assertEquals("", r.out());
    }

    /** A fixtures directory without the dumps: both checks throw, are reported as FAIL rows, exit code 1. */
    @Test
    void failingChecksGiveFailRowsAndExitOne(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lammps"));
        CliRunner.Result r = CliRunner.run("validate", "--only", CHEAP, "--fixtures", dir.toString());
        assertEquals(ExitCodes.FAILED, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length, r.out());
        assertTrue(lines[1].startsWith("lammps.is-energy") && lines[1].endsWith("FAIL"), lines[1]);
        assertTrue(lines[2].endsWith("FAIL"), lines[2]);
        assertTrue(r.err().contains("FAIL: error:") && r.err().contains("ka_N1000_T0.8_inherent_structure.dump"), r.err());
        assertTrue(r.err().contains("validation failed: [lammps.is-energy, lammps.is-pressure]"), r.err());
    }

    @Test
    void defaultFixturesAreBesideTheRepository() {
        Path d = ValidateCommand.defaultFixtures();
        assertTrue(d.endsWith(Path.of("shared", "fixtures")), d.toString());
        assertTrue(Files.isDirectory(d.resolve("lammps")), "default fixtures not found: " + d);
        assertFalse(d.toString().contains("target"), d.toString());
    }
}
