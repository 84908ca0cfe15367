package org.softglass.validation;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue checks of the particle core: LAMMPS parity on the shared fixtures ({@link LammpsChecks})
 * and the oracles ({@link OracleChecks}, {@link ModelChecks}); tolerances are justified there. About 5 s in all.
 */
class CoreChecksTest extends SharedContextTest {
    /** The catalogue checks this class runs. */
    static final List<String> CHECKS = List.of("lammps.forces", "lammps.thermal-energy", "lammps.thermal-pressure", "lammps.is-energy", "lammps.is-pressure", "lammps.minimiser-fixed-point",
            "lammps.quench-uis", "forces.finite-difference", "hessian.finite-difference", "neighbours.brute-force", "descriptors.brute-force",
            "softness.svm-sklearn");

    @Test
    void kaMatchesLammps() throws Exception {
        assertPass("lammps.forces", "lammps.thermal-energy", "lammps.thermal-pressure", "lammps.is-energy", "lammps.is-pressure");
    }

    @Test
    void minimisersAgreeWithLammps() throws Exception {
        assertPass("lammps.minimiser-fixed-point", "lammps.quench-uis");
    }

    @Test
    void forcesAreMinusTheGradient() throws Exception {
        assertPass("forces.finite-difference");
    }

    @Test
    void hessianIsMinusTheForceGradient() throws Exception {
        assertPass("hessian.finite-difference");
    }

    @Test
    void svmMatchesScikitLearn() throws Exception {
        assertPass("softness.svm-sklearn");
    }

    @Test
    void neighbourListsAndDescriptorsMatchBruteForce() throws Exception {
        assertPass("neighbours.brute-force", "descriptors.brute-force");
    }
}
