package org.softglass.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.validation.trsp.TrspConditioningMonteCarloTest;
import org.softglass.validation.trsp.TrspEquilibriumTest;
import org.softglass.validation.trsp.TrspTrapLimitTest;

/**
 * The catalogue itself: every check is run (and must pass) by exactly one validation test class,
 * so the whole default set is exercised by the test command without running any check twice; a
 * check with a deliberately wrong reference fails; names are unique and look-ups refuse unknown names.
 */
class CatalogueTest {

    @Test
    void everyCheckIsRunByExactlyOneTestClass() {
        List<String> claimed = new ArrayList<>();
        claimed.addAll(MdValidationTest.CHECKS);
        claimed.addAll(DiffusionValidationTest.CHECKS);
        claimed.addAll(TrapModelValidationTest.CHECKS);
        claimed.addAll(CoreChecksTest.CHECKS);
        claimed.addAll(TrspTrapLimitTest.CHECKS);
        claimed.addAll(TrspEquilibriumTest.CHECKS);
        claimed.addAll(TrspConditioningMonteCarloTest.CHECKS);
        assertEquals(claimed.size(), new HashSet<>(claimed).size(), "a check claimed twice: " + claimed);
        assertEquals(new HashSet<>(Checks.names()), new HashSet<>(claimed), "catalogue vs tested checks");
        for (String n : claimed) assertEquals(n, Checks.byName(n).name());
    }

    @Test
    void defaultAndFullSets() {
        Set<String> defaults = new HashSet<>();
        for (Check c : Checks.defaults()) defaults.add(c.name());
        assertTrue(defaults.containsAll(List.of("md.nve-drift", "md.ka-t2-energy", "md.ka-t2-pressure", "md.ka-t1028-energy",
                "lammps.forces", "forces.finite-difference", "trsp.detailed-balance", "trap.aging-vs-sites")));
        assertFalse(defaults.contains("md.ka-t08-diffusion"), "the 50 s diffusion run belongs to --full only");
        assertTrue(Checks.byName("md.ka-t08-diffusion").full());
        assertEquals(Checks.all().size(), Checks.names().size());
    }

    @Test
    void unknownNameIsRefusedWithTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checks.byNames(List.of("lammps.forces", "no.such")));
        assertTrue(e.getMessage().contains("no.such") && e.getMessage().contains("md.nve-drift"), e.getMessage());
    }

    /**
     * The same computation judged against a reference moved by 10 tolerances fails (WITHIN), and a
     * p-value judged against a level of 1.001 fails (AT_LEAST): the report can show "fail".
     */
    @Test
    void aWrongReferenceFails(@TempDir Path dir) throws Exception {
        Context ctx = Checked.context(dir);
        Check good = Checks.byName("lammps.is-energy");
        Result ok = good.run(ctx);
        assertTrue(ok.pass(), ok.toString());
        Result bad = good.withExpectedShift(10 * ok.tolerance()).run(ctx);
        assertFalse(bad.pass(), bad.toString());
        assertEquals(ok.measured(), bad.measured());
        assertEquals(ok.expected() + 10 * ok.tolerance(), bad.expected(), 1e-15);
        Check pvalue = new Check("test.p", "a p-value of 0.5 against a level", false, Check.Comparison.AT_LEAST,
                c -> new Measurement(1e-3, 0.5, Double.NaN, ""));
        assertTrue(pvalue.run(ctx).pass());
        assertFalse(pvalue.withExpectedShift(1.0).run(ctx).pass());
        Check nan = new Check("test.nan", "a failed computation", false, Check.Comparison.WITHIN, c -> new Measurement(0, Double.NaN, 1, ""));
        assertFalse(nan.run(ctx).pass(), "a NaN measurement must fail");
    }
}
