package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;

/** Presets (column counts, names, parameters of DESIGN §3) and spec-file parsing with its one-line errors. */
class SpecTest {
    @TempDir Path dir;

    @Test
    void presetsHaveTheDesignColumns() {
        DescriptorSpec ka = DescriptorSpec.preset("ka-266");
        assertEquals(266, ka.columnCount());
        assertEquals(200, ka.radialColumns());
        List<DescriptorSpec.Column> c = ka.columns();
        assertEquals("G_A(mu=0.05,w=0.0025)", c.get(0).name());
        assertEquals("G_A(mu=5,w=0.0025)", c.get(99).name());
        assertEquals("G_B(mu=0.05,w=0.0025)", c.get(100).name());
        assertEquals("Psi_AA(xi=14.638,lambda=-1,zeta=1)", c.get(200).name());
        assertEquals("Psi_AB(xi=14.638,lambda=-1,zeta=1)", c.get(222).name());
        assertEquals("Psi_BB(xi=0.695,lambda=1,zeta=16)", c.get(265).name());
        assertEquals(0.15, c.get(2).mu());   // m/20 gives the double nearest the decimal
        DescriptorSpec ss = DescriptorSpec.preset("ss-166");
        assertEquals(166, ss.columnCount());
        assertEquals("G_A(mu=0.1,w=0.01)", ss.columns().get(0).name());
        DescriptorSpec fl = DescriptorSpec.preset("fluidity-100");
        assertEquals(100, fl.columnCount());
        assertEquals("G_A(mu=0,w=0.08)", fl.columns().get(0).name());
        assertEquals("G_B(mu=4.9,w=0.08)", fl.columns().get(99).name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DescriptorSpec.preset("ka-999"));
        assertTrue(e.getMessage().contains("ka-266"), e.getMessage());
    }

    @Test
    void specFileReadsBothRadialFormsAndAngular() throws IOException {
        Path f = write("""
                { "rmax": 3.5, "species": ["A", "B", "C"], "tolerance": 1e-10,
                  "radial": [ {"w": 0.01, "mu": [0.5, 1.0]}, {"w": 0.08, "mu_from": 0.0, "mu_to": 0.3, "mu_step": 0.1} ],
                  "angular": [ {"xi": 1.5, "lambda": -1, "zeta": 2} ] }""");
        DescriptorSpec s = SpecFile.read(f);
        assertNull(s.name());
        assertEquals(3.5, s.rmax());
        assertEquals(6, s.radial().size());
        assertEquals(0.30000000000000004, s.radial().get(5).mu(), 1e-12);
        assertEquals(3 * 6 + 6 * 1, s.columnCount());
        assertEquals("Psi_AC(xi=1.5,lambda=-1,zeta=2)", s.columns().get(18 + 2).name());
        assertEquals(1e-10, s.tolerance());
    }

    @Test
    void badSpecFilesGiveOneLineErrorsNamingTheField() throws IOException {
        String[][] cases = {
            {"{ \"rmax\": 5, \"radial\": [ {\"w\": 0.01, \"mu\": [1]} ", "not valid JSON"},
            {"{ \"radial\": [ {\"w\": 0.01, \"mu\": [1]} ] }", "'rmax' is missing"},
            {"{ \"rmax\": 5, \"radail\": [] }", "unknown field 'radail'"},
            {"{ \"rmax\": 5, \"radial\": [ {\"w\": -1, \"mu\": [1]} ] }", "radial[0].w must be finite and > 0"},
            {"{ \"rmax\": 5, \"radial\": [ {\"w\": 0.1, \"mu\": [1, \"x\"]} ] }", "radial[0].mu[1]"},
            {"{ \"rmax\": 5, \"angular\": [ {\"xi\": 1, \"lambda\": 1, \"zeta\": 1.5} ] }", "angular[0].zeta"},
            {"{ \"rmax\": 5, \"angular\": [ {\"xi\": 1, \"lambda\": 2, \"zeta\": 1} ] }", "angular[0].lambda must be in [-1, 1]"},
            {"{ \"rmax\": 5, \"angular\": [ {\"xi\": 1, \"lambda\": 1} ] }", "angular[0].zeta"},
            {"{ \"rmax\": 5 }", "no radial and no angular"},
            {"{ \"rmax\": 5, \"species\": [\"A\", \"7\"], \"radial\": [ {\"w\": 0.1, \"mu\": [1]} ] }", "species[1]"},
            {"{ \"rmax\": 5, \"tolerance\": 0.5, \"radial\": [ {\"w\": 0.1, \"mu\": [1]} ] }", "tolerance must be in"},
            {"[1, 2]", "expected a JSON object"},
            {"{ \"rmax\": 5, \"radial\": [ {\"w\": 0.1, \"mu\": [1]}, null ] }", "field 'radial[1]' must be an object with w and mu"},
            {"{ \"rmax\": 5, \"angular\": [ null ] }", "field 'angular[0]' must be an object with xi, lambda, zeta"},
        };
        for (String[] c : cases) {
            Path f = write(c[0]);
            InputFormatException e = assertThrows(InputFormatException.class, () -> SpecFile.read(f), c[0]);
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), "expected '" + c[1] + "' in: " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    private Path write(String s) throws IOException {
        Path f = Files.createTempFile(dir, "spec", ".json");
        Files.writeString(f, s);
        return f;
    }
}
