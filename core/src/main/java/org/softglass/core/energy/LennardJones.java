package org.softglass.core.energy;

import org.softglass.core.simd.PairFunctions;
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
        return table(name, "lj/cut" + (shift ? " shifted" : "") + ";", "LJ", eps, sigma, cutoffs, (rc, c12, c6) -> {
            double sh = shift ? PairFunctions.ljEnergy(rc * rc, c12, c6, 0.0) : 0.0;
            return new PairParams(PairParams.Form.LJ, rc * rc, c12, c6, sh, 0, 0, 0);
        });
    }

    /** The parameters of one pair from its cutoff r_c (σ_AA) and coefficients c12 = 4εσ¹², c6 = 4εσ⁶ (ε_AA σ_AA¹², ε_AA σ_AA⁶). */
    @FunctionalInterface
    interface Form {
        PairParams params(double rc, double c12, double c6);
    }

    /**
     * The LJ-family table: for each pair checks ε ≥ 0, σ &gt; 0, r_c &gt; 0 (else an IllegalArgumentException
     * "{@code kind} pair a,b: ..."), forms c12 and c6, and describes it as "eps=%g sigma=%g rc=%g".
     */
    static PairPotential table(String name, String header, String kind, double[][] eps, double[][] sigma, double[][] cutoffs, Form form) {
        return PairTable.build(name, header, eps.length, (a, b) -> {
            double e = eps[a][b], s = sigma[a][b], rc = cutoffs[a][b];
            if (!(e >= 0) || !(s > 0) || !(rc > 0)) {
                throw new IllegalArgumentException(kind + " pair " + a + "," + b + ": need eps >= 0, sigma > 0, cutoff > 0");
            }
            double s6 = s * s * s * s * s * s;
            return new PairTable.Entry(form.params(rc, 4 * e * s6 * s6, 4 * e * s6), PairTable.text("eps=%g sigma=%g rc=%g", e, s, rc));
        });
    }
}
