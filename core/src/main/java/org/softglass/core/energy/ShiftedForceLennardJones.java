package org.softglass.core.energy;

import org.softglass.core.simd.PairFunctions;
import org.softglass.core.simd.PairParams;

/**
 * Shifted-force Lennard-Jones pair potential (Toxvaerd and Dyre, J. Chem. Phys. 134, 081102 (2011);
 * LAMMPS {@code lj/sf}, HOOMD {@code force_shifted_lj}, RUMD's shifted-force cutoff):
 * <pre>
 *   U(r) = U_LJ(r) − U_LJ(r_c) − (r − r_c) U'_LJ(r_c)   for r &lt; r_c,ab, else 0,
 *   U_LJ(r) = 4ε_ab[(σ_ab/r)¹² − (σ_ab/r)⁶].
 * </pre>
 * U and the force −U' vanish at r_c (no force jump, unlike {@link LennardJones}); U'' jumps there by
 * −U''_LJ(r_c), which the Hessian of a fixed pair network does not see. Units: ε_AA, σ_AA.
 */
public final class ShiftedForceLennardJones {
    private ShiftedForceLennardJones() {}

    /**
     * @param eps     ns×ns symmetric well depths ε_ab (ε_AA units)
     * @param sigma   ns×ns symmetric diameters σ_ab (σ_AA units)
     * @param cutoffs ns×ns symmetric absolute cutoff radii r_c,ab (σ_AA units)
     */
    public static PairPotential of(String name, double[][] eps, double[][] sigma, double[][] cutoffs) {
        return LennardJones.table(name, "lj/sf (shifted force);", "shifted-force LJ", eps, sigma, cutoffs, (rc, c12, c6) -> {
            double shift = PairFunctions.ljEnergy(rc * rc, c12, c6, 0.0);
            double slope = -PairFunctions.ljForceOverR(rc * rc, c12, c6) * rc; // U'_LJ(r_c) = −(−U'/r)·r
            return new PairParams(PairParams.Form.LJ_SF, rc * rc, c12, c6, shift, slope, rc, 0);
        });
    }
}
