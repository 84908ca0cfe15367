package org.softglass.validation;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedded MD against invariants and published Kob–Andersen values: the catalogue checks of
 * {@link MdChecks} (their Javadoc gives the run sizes and justifies the tolerances). One context for
 * the class, so the T = 2.0 run feeds its three checks once.
 */
class MdValidationTest extends SharedContextTest {
    /** The catalogue checks this class runs. */
    static final List<String> CHECKS = List.of("md.nve-drift", "md.ka-t2-energy", "md.ka-t2-pressure", "md.ka-t2-temperature", "md.ka-t1028-energy");

    @Test
    void nveEnergyDriftIsBounded() throws Exception {
        assertPass("md.nve-drift");
    }

    @Test
    void kaAtT2MatchesRumd() throws Exception {
        assertPass("md.ka-t2-energy", "md.ka-t2-pressure", "md.ka-t2-temperature");
    }

    @Test
    void kaAtT1028MatchesPedersen() throws Exception {
        assertPass("md.ka-t1028-energy");
    }
}
