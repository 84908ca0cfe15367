package org.softglass.core.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softglass.core.particles.ParticleStore;

/** G of eq A1 against the second strain derivative of the energy, affine and relaxed. */
class ShearModulusTest {

    /**
     * Born term: (1/V)∂²U/∂γ² with particles moving affinely equals the central second difference of
     * U(γ) from the sheared assembly at γ = ±1e-5 (no relaxation). Relaxed: U(γ) minimised at fixed γ
     * by Newton ({@link ShearedRelaxation}, fmax ≤ 1e-11); the same central difference equals
     * G = Born − non-affine. Error budget at γ = 1e-5: round-off 4ε_mach|U|/(γ²VG) ≈ 4e-16·500/(1e-10·300·13)
     * ≈ 5e-7 relative (IPL; measured 3e-6 on the Born term, 1.5e-6 on G), truncation γ²·U''''/(12·U'') ≲ 1e-8,
     * the relaxation's energy error ½F·M⁻¹F with F ≤ 1e-11 is nil. Tolerance 2e-5 relative. (At γ = 1e-4
     * the SS glass already shows a 0.2% nonlinear contribution from its soft modes and contact changes,
     * so the smaller strain is used.) Models with smooth pair energies: IPL (C³ cutoff) and harmonic
     * spheres (C¹; the jump of u'' at contact adds only O(γ³)). The force-truncated KA LJ has a kink at
     * r_c whose impulsive contribution does not vanish as γ → 0 (see {@link ShearModulus}), so it is not
     * used here.
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
                assertEquals(g.born(), bornFd, 2e-5 * g.born(), model + " Born term");
                double rp = ShearedRelaxation.relax(p, c.box(), c.potential(), gamma, 1e-11, 20, 2).energy();
                double r0 = ShearedRelaxation.relax(p, c.box(), c.potential(), 0, 1e-11, 20, 2).energy();
                double rm = ShearedRelaxation.relax(p, c.box(), c.potential(), -gamma, 1e-11, 20, 2).energy();
                double gFd = (rp - 2 * r0 + rm) / (gamma * gamma * v);
                assertEquals(g.modulus(), gFd, 2e-5 * g.modulus(), model + " relaxed: G = " + g + ", finite difference " + gFd);
            }
        }
    }

    private static double affine(Systems.Config c, double gamma) {
        try (Hessian h = Hessian.assemble(c.particles(), c.box(), c.potential(), gamma, 1)) {
            return h.energy();
        }
    }
}
