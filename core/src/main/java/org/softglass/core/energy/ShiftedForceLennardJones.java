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
        int ns = eps.length;
        PairParams[] t = new PairParams[ns * ns];
        StringBuilder d = new StringBuilder("lj/sf (shifted force);");
        for (int a = 0; a < ns; a++) {
            for (int b = 0; b < ns; b++) {
                double e = eps[a][b], s = sigma[a][b], rc = cutoffs[a][b];
                if (!(e >= 0) || !(s > 0) || !(rc > 0)) {
                    throw new IllegalArgumentException("shifted-force LJ pair " + a + "," + b + ": need eps >= 0, sigma > 0, cutoff > 0");
                }
                double s6 = s * s * s * s * s * s;
                double c12 = 4 * e * s6 * s6, c6 = 4 * e * s6;
                double shift = PairFunctions.ljEnergy(rc * rc, c12, c6, 0.0);
                double slope = -PairFunctions.ljForceOverR(rc * rc, c12, c6) * rc; // U'_LJ(r_c) = −(−U'/r)·r
                t[a * ns + b] = new PairParams(PairParams.Form.LJ_SF, rc * rc, c12, c6, shift, slope, rc, 0);
                if (b >= a) d.append(String.format(java.util.Locale.ROOT, " %d%d: eps=%g sigma=%g rc=%g", a + 1, b + 1, e, s, rc));
            }
        }
        return new PairPotential(name, d.toString(), ns, t);
    }
}
