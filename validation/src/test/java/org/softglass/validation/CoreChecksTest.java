package org.softglass.validation;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue checks of the particle core: LAMMPS parity on the shared fixtures ({@link LammpsChecks})
 * and the oracles ({@link OracleChecks}, {@link ModelChecks}); tolerances are justified there. About 5 s in all.
 */
class CoreChecksTest {
    /** The catalogue checks this class runs. */
    static final List<String> CHECKS = List.of("lammps.forces", "lammps.thermal-energy", "lammps.thermal-pressure", "lammps.is-energy", "lammps.is-pressure", "lammps.minimiser-fixed-point",
            "lammps.quench-uis", "forces.finite-difference", "hessian.finite-difference", "neighbours.brute-force", "descriptors.brute-force",
            "softness.svm-sklearn");

    @TempDir static Path dir;
    static Context ctx;

    @BeforeAll
    static void context() { ctx = Checked.context(dir); }

    @Test
    void kaMatchesLammps() throws Exception {
        for (String n : List.of("lammps.forces", "lammps.thermal-energy", "lammps.thermal-pressure", "lammps.is-energy", "lammps.is-pressure")) Checked.assertPasses(ctx, n);
    }

    @Test
    void minimisersAgreeWithLammps() throws Exception {
        Checked.assertPasses(ctx, "lammps.minimiser-fixed-point");
        Checked.assertPasses(ctx, "lammps.quench-uis");
    }

    @Test
    void forcesAreMinusTheGradient() throws Exception {
        Checked.assertPasses(ctx, "forces.finite-difference");
    }

    @Test
    void hessianIsMinusTheForceGradient() throws Exception {
        Checked.assertPasses(ctx, "hessian.finite-difference");
    }

    @Test
    void svmMatchesScikitLearn() throws Exception {
        Checked.assertPasses(ctx, "softness.svm-sklearn");
    }

    @Test
    void neighbourListsAndDescriptorsMatchBruteForce() throws Exception {
        Checked.assertPasses(ctx, "neighbours.brute-force");
        Checked.assertPasses(ctx, "descriptors.brute-force");
    }
}
