package org.softglass.core.energy;

import java.util.Locale;
import org.softglass.core.simd.PairParams;

/**
 * Sticky spheres: Lennard-Jones repulsion with a strong, short-ranged attraction, piecewise in
 * x = r/λ_ab (Karmakar, Lerner, Procaccia and Zylberg, Phys. Rev. E 83, 046106 (2011); the "SS" model of
 * paper {@code 004}, Sec. II A, ref. 68):
 * <pre>
 *   U(r) = 4ε (x⁻¹² − x⁻⁶)                                        x &lt; x_min = 2^{1/6}
 *        = ε [A x⁻¹² − B x⁻⁶ + c0 + c2 x² + c4 x⁴ + c6 x⁶]        x_min ≤ x &lt; x_c
 *        = 0                                                     x ≥ x_c
 * </pre>
 * The six coefficients (A, B, c0, c2, c4, c6) are solved here (6×6 linear system) from: U, U' and U''
 * continuous at x_min (equal to the LJ values −ε, 0, 57.15ε/λ²) and U, U', U'' = 0 at x_c. These are
 * the conditions the group's own HOOMD-blue evaluator satisfies: its tabulated coefficients for
 * x_c = 1.2·2^{1/6} (G. Kapteijns, {@code hoomd/md/pair.py} class {@code sticky_spheres} and
 * {@code EvaluatorPairStickySpheres.h}, branch {@code maint} of github.com/KGonzalezLopez/hoomd-blue,
 * commits 355b43a and abc437c, 2020) are A = −106.991613526652, B = −304.918469059567,
 * c0 = −939.388037994211, c2 = 1190.70962256002, c4 = −541.300131587551, c6 = 85.8684936914713, which this
 * solve reproduces to 1e-14 relative ({@code StickySpheresTest}). Forces and the Hessian are therefore
 * continuous everywhere, including at the cutoff.
 */
public final class StickySpheres {
    private StickySpheres() {}

    /** x_min = 2^{1/6}: the LJ minimum, where the attractive tail replaces the LJ form. */
    public static final double X_MIN = Math.pow(2.0, 1.0 / 6.0);

    /**
     * Coefficients {A, B, c0, c2, c4, c6} for the cutoff x_c &gt; x_min: solves, for k = 0, 1, 2,
     * {@code d^k/dx^k [A x⁻¹² − B x⁻⁶ + Σ c_{2l} x^{2l}] = d^k/dx^k [4(x⁻¹² − x⁻⁶)]} at x_min and
     * {@code = 0} at x_c (energies in ε).
     */
    public static double[] smoothingCoefficients(double xc) {
        if (!(xc > X_MIN)) throw new IllegalArgumentException("sticky-sphere cutoff x_c must exceed 2^(1/6), got " + xc);
        int[] pow = {-12, -6, 0, 2, 4, 6};
        double[] sign = {1, -1, 1, 1, 1, 1};
        double[][] m = new double[6][7];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 6; j++) {
                m[k][j] = sign[j] * SmoothingSystem.derivPower(pow[j], k, X_MIN);
                m[k + 3][j] = sign[j] * SmoothingSystem.derivPower(pow[j], k, xc);
            }
            m[k][6] = 4 * (SmoothingSystem.derivPower(-12, k, X_MIN) - SmoothingSystem.derivPower(-6, k, X_MIN));
            m[k + 3][6] = 0;
        }
        return SmoothingSystem.solve(m);
    }


    /**
     * @param eps    energy scale ε (ε_AA units), the same for all pairs
     * @param lambda ns×ns symmetric length scales λ_ab (σ_AA units)
     * @param xc     cutoff in units of λ_ab (&gt; 2^{1/6})
     */
    public static PairPotential of(String name, double eps, double[][] lambda, double xc) {
        if (!(eps > 0)) throw new IllegalArgumentException("sticky-sphere eps must be > 0, got " + eps);
        double[] k = smoothingCoefficients(xc);
        String header = String.format(Locale.ROOT,
                "sticky spheres eps=%g x_min=2^(1/6) x_c=%.10g A,B=%.15g,%.15g c0..c6=%.15g,%.15g,%.15g,%.15g;",
                eps, xc, k[0], k[1], k[2], k[3], k[4], k[5]);
        return PairTable.scaled(name, header, "sticky-sphere", lambda, xc,
                (rc2, invL2) -> new PairParams(PairParams.Form.STICKY, rc2, eps, invL2, k[2], k[3], k[4], k[5], k[0], k[1]));
    }
}
