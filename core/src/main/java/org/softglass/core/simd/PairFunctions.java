package org.softglass.core.simd;

/**
 * Scalar pair-potential formulas on r², shared by {@link PairParams} and the scalar kernel.
 * The cutoff is not applied here: callers mask with {@code r2 < rc2}.
 *
 * <p>Conventions: U(r) in ε, and {@code forceOverR = −(dU/dr)/r} in ε/σ², so that the force on i
 * from j is {@code forceOverR · (r_i − r_j)}.
 */
public final class PairFunctions {
    private PairFunctions() {}

    /** LJ: {@code U = c12/r¹² − c6/r⁶ − shift} with {@code c12 = 4εσ¹², c6 = 4εσ⁶}. */
    public static double ljEnergy(double r2, double c12, double c6, double shift) {
        double inv2 = 1.0 / r2, inv6 = inv2 * inv2 * inv2;
        return inv6 * (c12 * inv6 - c6) - shift;
    }

    /** LJ: {@code −U'(r)/r = (12 c12/r¹² − 6 c6/r⁶)/r²}. */
    public static double ljForceOverR(double r2, double c12, double c6) {
        double inv2 = 1.0 / r2, inv6 = inv2 * inv2 * inv2;
        return inv6 * (12.0 * c12 * inv6 - 6.0 * c6) * inv2;
    }

    /** Harmonic spheres: {@code U = (ε/2)(1 − r/σ)²} for r &lt; σ. */
    public static double harmonicEnergy(double r2, double eps, double invSigma) {
        double g = 1.0 - Math.sqrt(r2) * invSigma;
        return 0.5 * eps * g * g;
    }

    /** Harmonic spheres: {@code −U'(r)/r = (ε/σ)(1 − r/σ)/r}. */
    public static double harmonicForceOverR(double r2, double eps, double invSigma) {
        double r = Math.sqrt(r2);
        return eps * invSigma * (1.0 - r * invSigma) / r;
    }

    /**
     * Smoothed inverse power law with n = 10, in x² = r²/λ²:
     * {@code U = ε[x⁻¹⁰ + c0 + c2 x² + c4 x⁴ + c6 x⁶]}.
     */
    public static double iplEnergy(double r2, double eps, double invLambda2, double c0, double c2, double c4, double c6) {
        double x2 = r2 * invLambda2, ix2 = 1.0 / x2, ix4 = ix2 * ix2;
        return eps * (ix4 * ix4 * ix2 + c0 + x2 * (c2 + x2 * (c4 + x2 * c6)));
    }

    /** Smoothed IPL: {@code −U'(r)/r = (ε/λ²)[10 x⁻¹² − 2c2 − 4c4 x² − 6c6 x⁴]}. */
    public static double iplForceOverR(double r2, double eps, double invLambda2, double c2, double c4, double c6) {
        double x2 = r2 * invLambda2, ix2 = 1.0 / x2, ix4 = ix2 * ix2;
        return eps * invLambda2 * (10.0 * ix4 * ix4 * ix4 - 2.0 * c2 - x2 * (4.0 * c4 + 6.0 * c6 * x2));
    }

    /**
     * LJ: {@code d(forceOverR)/d(r²) = −84 c12/r¹⁶ + 24 c6/r¹⁰} (ε/σ⁴). With {@code f = −U'(r)/r} and
     * {@code f' = df/d(r²)} the pair Hessian block is {@code −f I − 2 f' d dᵀ} ({@code U'' = −f − 2 r² f'}).
     */
    public static double ljForceOverRDerivative(double r2, double c12, double c6) {
        double inv2 = 1.0 / r2, inv4 = inv2 * inv2, inv8 = inv4 * inv4;
        return inv8 * inv2 * (24.0 * c6 - 84.0 * c12 * inv4 * inv2);
    }

    /** Harmonic spheres: {@code d(forceOverR)/d(r²) = −(ε/σ)/(2 r³)} for r &lt; σ (ε/σ⁴). */
    public static double harmonicForceOverRDerivative(double r2, double eps, double invSigma) {
        double r = Math.sqrt(r2);
        return -0.5 * eps * invSigma / (r2 * r);
    }

    /** Smoothed IPL: {@code d(forceOverR)/d(r²) = (ε/λ⁴)[−60 x⁻¹⁴ − 4c4 − 12c6 x²]} with x² = r²/λ². */
    public static double iplForceOverRDerivative(double r2, double eps, double invLambda2, double c4, double c6) {
        double x2 = r2 * invLambda2, ix2 = 1.0 / x2, ix4 = ix2 * ix2;
        return eps * invLambda2 * invLambda2 * (-60.0 * ix4 * ix4 * ix4 * ix2 - 4.0 * c4 - 12.0 * c6 * x2);
    }

    /**
     * Shifted-force LJ (Toxvaerd and Dyre, J. Chem. Phys. 134, 081102 (2011); LAMMPS {@code lj/sf},
     * HOOMD {@code force_shifted_lj}): {@code U = U_LJ(r) − U_LJ(r_c) − (r − r_c) U'_LJ(r_c)} for
     * r &lt; r_c, so that U and the force vanish at r_c (U'' does not). {@code shift = U_LJ(r_c)} (ε),
     * {@code slope = U'_LJ(r_c)} (ε/σ), {@code rc} the cutoff (σ).
     */
    public static double ljSfEnergy(double r2, double c12, double c6, double shift, double slope, double rc) {
        return ljEnergy(r2, c12, c6, shift) - (Math.sqrt(r2) - rc) * slope;
    }

    /** Shifted-force LJ: {@code −U'(r)/r = (12 c12/r¹² − 6 c6/r⁶)/r² + U'_LJ(r_c)/r} (ε/σ²). */
    public static double ljSfForceOverR(double r2, double c12, double c6, double slope) {
        return ljForceOverR(r2, c12, c6) + slope / Math.sqrt(r2);
    }

    /** Shifted-force LJ: {@code d(forceOverR)/d(r²)} = the LJ term {@code − U'_LJ(r_c)/(2 r³)} (ε/σ⁴). */
    public static double ljSfForceOverRDerivative(double r2, double c12, double c6, double slope) {
        return ljForceOverRDerivative(r2, c12, c6) - 0.5 * slope / (r2 * Math.sqrt(r2));
    }

    /**
     * X = x² at the end of the sticky spheres' LJ core: x_min² = (2^{1/6})² = 2^{1/3}, the LJ minimum,
     * where the smoothed attractive tail takes over (the core holds for X &lt; x_min²).
     */
    public static final double STICKY_XMIN2 = Math.cbrt(2.0);

    /**
     * Sticky spheres (Karmakar, Lerner, Procaccia and Zylberg, PRE 83, 046106 (2011)), in X = x² = r²/λ²:
     * {@code U = 4ε(X⁻⁶ − X⁻³)} for X &lt; {@link #STICKY_XMIN2}, else
     * {@code U = ε[A X⁻⁶ − B X⁻³ + c0 + c2 X + c4 X² + c6 X³]}.
     */
    public static double stickyEnergy(double r2, double eps, double invLambda2, double c0, double c2, double c4, double c6,
                                      double a, double b) {
        double x = r2 * invLambda2, u = 1.0 / x, u3 = u * u * u;
        if (x < STICKY_XMIN2) return 4.0 * eps * u3 * (u3 - 1.0);
        return eps * (u3 * (a * u3 - b) + c0 + x * (c2 + x * (c4 + x * c6)));
    }

    /**
     * Sticky spheres: {@code −U'(r)/r = −(2/λ²) dU/dX = (2ε/λ²)[6A X⁻⁷ − 3B X⁻⁴ − c2 − 2c4 X − 3c6 X²]}
     * (ε/σ²; in the core A = B = 4 and the c's are 0).
     */
    public static double stickyForceOverR(double r2, double eps, double invLambda2, double c2, double c4, double c6,
                                          double a, double b) {
        double x = r2 * invLambda2, u = 1.0 / x, u3 = u * u * u;
        if (x < STICKY_XMIN2) return 2.0 * eps * invLambda2 * u3 * u * (24.0 * u3 - 12.0);
        return 2.0 * eps * invLambda2 * (u3 * u * (6.0 * a * u3 - 3.0 * b) - c2 - x * (2.0 * c4 + 3.0 * c6 * x));
    }

    /**
     * Sticky spheres: {@code d(forceOverR)/d(r²) = (2ε/λ⁴)[−42A X⁻⁸ + 12B X⁻⁵ − 2c4 − 6c6 X]} (ε/σ⁴; in
     * the core A = B = 4 and the c's are 0).
     */
    public static double stickyForceOverRDerivative(double r2, double eps, double invLambda2, double c4, double c6,
                                                    double a, double b) {
        double x = r2 * invLambda2, u = 1.0 / x, u3 = u * u * u, k = 2.0 * eps * invLambda2 * invLambda2;
        if (x < STICKY_XMIN2) return k * u3 * u * u * (48.0 - 168.0 * u3);
        return k * (u3 * u * u * (12.0 * b - 42.0 * a * u3) - 2.0 * c4 - 6.0 * c6 * x);
    }

    /**
     * Stillinger–Weber two-body term (Stillinger &amp; Weber, Phys. Rev. B 31, 5262 (1985), eq 2.4):
     * {@code U = Aε (B (σ/r)^p − (σ/r)^q) exp(σ/(r − aσ))} for r &lt; aσ, with {@code aeps = Aε},
     * {@code rc = aσ}. Returns {U, U'(r), U''(r)} into {@code out} (3 doubles); all 0 where
     * {@code exp(σ/(r − aσ))} underflows (r just below aσ), so no 0·∞ arises, and at r ≥ aσ.
     */
    public static void swPair(double r2, double aeps, double bb, double p, double q, double sigma, double rc, double[] out) {
        double r = Math.sqrt(r2), t = 1.0 / (r - rc), phi = sigma * t;
        // phi < 0 also excludes r = aσ, which sqrt can round to from r² just below (aσ)²: there t = ∞ gave NaN
        if (!(phi > -700.0 && phi < 0.0)) { out[0] = out[1] = out[2] = 0.0; return; }
        double x = Math.exp(phi);
        double x1 = -sigma * t * t * x;                        // X'
        double x2 = (sigma * sigma * t * t * t * t + 2.0 * sigma * t * t * t) * x; // X''
        double sr = sigma / r, bp = bb * power(sr, p), cq = power(sr, q), ir = 1.0 / r;
        double pp = bp - cq;
        double p1 = (-p * bp + q * cq) * ir;
        double p2 = (p * (p + 1.0) * bp - q * (q + 1.0) * cq) * ir * ir;
        out[0] = aeps * pp * x;
        out[1] = aeps * (p1 * x + pp * x1);
        out[2] = aeps * (p2 * x + 2.0 * p1 * x1 + pp * x2);
    }

    /** x^e, by multiplication for the exponents of the SW presets (0 and 4), else {@link Math#pow}. */
    private static double power(double x, double e) {
        if (e == 0.0) return 1.0;
        if (e == 4.0) {
            double x2 = x * x;
            return x2 * x2;
        }
        return Math.pow(x, e);
    }

    /** Stillinger–Weber two-body energy (see {@link #swPair}). */
    public static double swEnergy(double r2, double aeps, double bb, double p, double q, double sigma, double rc) {
        double[] o = new double[3];
        swPair(r2, aeps, bb, p, q, sigma, rc, o);
        return o[0];
    }

    /** Stillinger–Weber two-body {@code −U'(r)/r} (see {@link #swPair}). */
    public static double swForceOverR(double r2, double aeps, double bb, double p, double q, double sigma, double rc) {
        double[] o = new double[3];
        swPair(r2, aeps, bb, p, q, sigma, rc, o);
        return -o[1] / Math.sqrt(r2);
    }

    /**
     * Stillinger–Weber two-body {@code d(−U'/r)/d(r²) = (U'/r − U'')/(2 r²)} (ε/σ⁴, see {@link #swPair}).
     */
    public static double swForceOverRDerivative(double r2, double aeps, double bb, double p, double q, double sigma, double rc) {
        double[] o = new double[3];
        swPair(r2, aeps, bb, p, q, sigma, rc, o);
        return (o[1] / Math.sqrt(r2) - o[2]) / (2.0 * r2);
    }
}
