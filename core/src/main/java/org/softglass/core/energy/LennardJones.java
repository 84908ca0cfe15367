package org.softglass.core.energy;

import org.softglass.core.simd.PairParams;

/**
 * Truncated Lennard-Jones pair potential
 * {@code U(r) = 4ε_ab[(σ_ab/r)¹² − (σ_ab/r)⁶] − U_shift} for r &lt; r_c,ab = cutFactor·σ_ab.
 * With {@code shift} the energy is shifted to zero at the cutoff (LAMMPS {@code pair_modify shift yes});
 * the force is truncated, not shifted, exactly as in LAMMPS {@code lj/cut}.
 */
public final class LennardJones {
    private LennardJones() {}

    /**
     * @param eps     ns×ns symmetric well depths ε_ab (ε_AA units)
     * @param sigma   ns×ns symmetric diameters σ_ab (σ_AA units)
     * @param cutoffs ns×ns absolute cutoff radii r_c,ab (σ_AA units)
     * @param shift   shift energies to zero at the cutoff
     */
    public static PairPotential of(String name, double[][] eps, double[][] sigma, double[][] cutoffs, boolean shift) {
        int ns = eps.length;
        PairParams[] t = new PairParams[ns * ns];
        StringBuilder d = new StringBuilder("lj/cut" + (shift ? " shifted" : "") + ";");
        for (int a = 0; a < ns; a++) {
            for (int b = 0; b < ns; b++) {
                double e = eps[a][b], s = sigma[a][b], rc = cutoffs[a][b];
                if (!(e >= 0) || !(s > 0) || !(rc > 0)) {
                    throw new IllegalArgumentException("LJ pair " + a + "," + b + ": need eps >= 0, sigma > 0, cutoff > 0");
                }
                double s6 = s * s * s * s * s * s;
                double c12 = 4 * e * s6 * s6, c6 = 4 * e * s6;
                double sh = shift ? org.softglass.core.simd.PairFunctions.ljEnergy(rc * rc, c12, c6, 0.0) : 0.0;
                t[a * ns + b] = new PairParams(PairParams.Form.LJ, rc * rc, c12, c6, sh, 0, 0, 0);
                if (b >= a) d.append(String.format(" %d%d: eps=%g sigma=%g rc=%g", a + 1, b + 1, e, s, rc));
            }
        }
        return new PairPotential(name, d.toString(), ns, t);
    }
}
