package org.softglass.cli.softness;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The correlations command refuses an unknown rearranger species by its option (the roles: study CorrelationRolesTest). */
class CorrelationsCommandTest {

    @Test
    void unknownSpeciesIsRefusedByName() {
        var r = CliRunner.run("correlations", "none.dump", "none", "--out", "x", "--rearrangers", "C", "--quiet");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--rearrangers must be A, B or all, got 'C'"), r.err());
    }
}
