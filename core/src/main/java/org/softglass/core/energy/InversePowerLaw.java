package org.softglass.core.energy;

import org.softglass.core.simd.PairParams;

/**
 * Inverse power law r⁻¹⁰ with a smooth polynomial cutoff (the IPL glass former of paper {@code 004},
 * in the form used by Lerner and co-workers):
 * <pre>
 *   U(r) = ε [ (λ_ab/r)^n + Σ_{l=0..q} c_{2l} (r/λ_ab)^{2l} ]   for r &lt; x_c λ_ab, else 0,
 * </pre>
 * with n = 10, q = 3. The coefficients c0, c2, c4, c6 are solved here (4×4 linear system) so that U
 * and its first three derivatives vanish at x = r/λ = x_c; forces and the Hessian are then continuous
 * at the cutoff. Paper {@code 004} gives only "U ∝ r⁻¹⁰, 50:50, ρ = 0.82"; x_c = 1.48 and the λ's of
 * {@link Models#ipl()} are our choice from that group's earlier papers. They agree with the group's own
 * HOOMD-blue setup ({@code IPL} model script: λ_AB = 1.18, λ_BB = 1.4, x_c = 1.48; {@code ipl_edan} pair of
 * github.com/KGonzalezLopez/hoomd-blue: c0 = −56 x_c⁻¹⁰, c2 = 140 x_c⁻¹², c4 = −120 x_c⁻¹⁴,
 * c6 = 35 x_c⁻¹⁶, the closed form of the solve below).
 */
public final class InversePowerLaw {
    private InversePowerLaw() {}

    /** Exponent n of the power law. */
    public static final int N = 10;

    /**
     * Coefficients {c0, c2, c4, c6} for cutoff x_c: solves
     * {@code d^k/dx^k [x^−10 + Σ c_{2l} x^{2l}] = 0 at x_c, k = 0..3}.
     */
    public static double[] smoothingCoefficients(double xc) {
        if (!(xc > 0)) throw new IllegalArgumentException("IPL cutoff x_c must be > 0, got " + xc);
        double[][] m = new double[4][5];
        for (int k = 0; k < 4; k++) {
            for (int l = 0; l < 4; l++) m[k][l] = SmoothingSystem.derivPower(2 * l, k, xc);
            m[k][4] = -SmoothingSystem.derivPower(-N, k, xc);
        }
        return SmoothingSystem.solve(m);
    }


    /**
     * @param eps    energy scale ε
     * @param lambda ns×ns symmetric length scales λ_ab (σ units)
     * @param xc     cutoff in units of λ_ab
     */
    public static PairPotential of(String name, double eps, double[][] lambda, double xc) {
        if (!(eps > 0)) throw new IllegalArgumentException("IPL eps must be > 0, got " + eps);
        double[] c = smoothingCoefficients(xc);
        String header = String.format("ipl n=%d eps=%g x_c=%g c0..c6=%.10g,%.10g,%.10g,%.10g;", N, eps, xc, c[0], c[1], c[2], c[3]);
        return PairTable.scaled(name, header, "IPL", lambda, xc,
                (rc2, invL2) -> new PairParams(PairParams.Form.IPL, rc2, eps, invL2, c[0], c[1], c[2], c[3]));
    }
}
