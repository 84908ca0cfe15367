package org.softglass.validation;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded MD against invariants and published Kob–Andersen values: the catalogue checks of
 * {@link MdChecks} (their Javadoc gives the run sizes and justifies the tolerances). One context for
 * the class, so the T = 2.0 run feeds its three checks once.
 */
class MdValidationTest {
    /** The catalogue checks this class runs. */
    static final List<String> CHECKS = List.of("md.nve-drift", "md.ka-t2-energy", "md.ka-t2-pressure", "md.ka-t2-temperature", "md.ka-t1028-energy");

    @TempDir static Path dir;
    static Context ctx;

    @BeforeAll
    static void context() { ctx = Checked.context(dir); }

    @Test
    void nveEnergyDriftIsBounded() throws Exception {
        Checked.assertPasses(ctx, "md.nve-drift");
    }

    @Test
    void kaAtT2MatchesRumd() throws Exception {
        Checked.assertPasses(ctx, "md.ka-t2-energy");
        Checked.assertPasses(ctx, "md.ka-t2-pressure");
        Checked.assertPasses(ctx, "md.ka-t2-temperature");
    }

    @Test
    void kaAtT1028MatchesPedersen() throws Exception {
        Checked.assertPasses(ctx, "md.ka-t1028-energy");
    }
}
