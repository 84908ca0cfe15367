package org.softglass.core.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softglass.core.particles.ParticleStore;

/** G of eq A1 against the second strain derivative of the energy, affine and relaxed. */
class ShearModulusTest {

    /**
     * Born term: (1/V)∂²U/∂γ² with particles moving affinely equals the central second difference of
     * U(γ) from the sheared assembly at γ = ±1e-4 (no relaxation). Truncation γ²U''''/12 relative ~1e-8·
     * (U''''/U'') ≲ 1e-6 for LJ glasses; round-off 4ε_mach|U|/(γ² V G) ≈ 4e-16·1e3/(1e-8·2e2·15) ~ 1e-7.
     * Tolerance 1e-5 relative.
     * Relaxed: U(γ) minimised at fixed γ by Newton (ShearedRelaxation, fmax ≤ 1e-11); the same central
     * difference equals G = Born − non-affine. Truncation as above; the relaxation leaves an energy error
     * ~ ½F·M⁻¹F ≲ 1e-22·N/λ_min, nil. Tolerance 1e-4 relative (the third-order term of a glass near soft
     * modes can be larger than for the affine energy; the measured agreement is stated by the message).
     */
    @Test
    void formulaEqualsEnergyCurvature() {
        for (String model : new String[] {"ipl", "ss"}) {
            try (Systems.Config c = Systems.quenched(model, 250, 31);
                 Hessian h = Hessian.assemble(c.particles(), c.box(), c.potential(), 2)) {
                h.requireMinimum(1e-8);
                ShearModulus g = ShearModulus.compute(h, 1e-12, 100_000);
                assertTrue(g.nonAffine() > 0 && g.modulus() > 0 && g.modulus() < g.born(), g.toString());
                double gamma = 1e-5, v = c.box().volume();
                ParticleStore p = c.particles();
                double up = affine(c, gamma), u0 = affine(c, 0), um = affine(c, -gamma);
                double bornFd = (up - 2 * u0 + um) / (gamma * gamma * v);
                System.out.println(model+" born "+g.born()+" fd "+bornFd);assertEquals(g.born(), bornFd, 1e-5 * g.born(), model + " Born term");
                double rp = ShearedRelaxation.relax(p, c.box(), c.potential(), gamma, 1e-11, 20, 2).energy();
                double r0 = ShearedRelaxation.relax(p, c.box(), c.potential(), 0, 1e-11, 20, 2).energy();
                double rm = ShearedRelaxation.relax(p, c.box(), c.potential(), -gamma, 1e-11, 20, 2).energy();
                double gFd = (rp - 2 * r0 + rm) / (gamma * gamma * v);System.out.println(model+" G "+g+" fd "+gFd);
                assertEquals(g.modulus(), gFd, 1e-4 * g.modulus(), model + " relaxed: G = " + g + ", finite difference " + gFd);
            }
        }
    }

    private static double affine(Systems.Config c, double gamma) {
        try (Hessian h = Hessian.assemble(c.particles(), c.box(), c.potential(), gamma, 1)) {
            return h.energy();
        }
    }
}
