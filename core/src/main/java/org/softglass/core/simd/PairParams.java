package org.softglass.core.simd;

/**
 * The parameters of one species pair in the form the force kernels read: a functional form and
 * up to six coefficients whose meaning depends on it. Immutable.
 *
 * <ul>
 *   <li>{@link Form#LJ}: a = c12 = 4εσ¹², b = c6 = 4εσ⁶, c = energy shift U_LJ(r_c)</li>
 *   <li>{@link Form#HARMONIC}: a = ε, b = 1/σ</li>
 *   <li>{@link Form#IPL}: a = ε, b = 1/λ², c..f = c0, c2, c4, c6</li>
 *   <li>{@link Form#LJ_SF} (shifted-force LJ): a = c12, b = c6, c = U_LJ(r_c), d = U'_LJ(r_c), e = r_c</li>
 *   <li>{@link Form#STICKY} (sticky spheres): a = ε, b = 1/λ², c..f = c0, c2, c4, c6, g = A, h = B</li>
 *   <li>{@link Form#SW}: Stillinger–Weber two-body term, a = Aε, b = B, c = p, d = q, e = σ, f = aσ
 *       (= r_c); see {@link PairFunctions#swPair}</li>
 * </ul>
 * {@code rc2} is the squared cutoff radius (σ²); the pair does not interact at r² ≥ rc2. Coefficients a
 * form does not use are 0 ({@code g}, {@code h} only serve {@link Form#STICKY}).
 */
public record PairParams(Form form, double rc2, double a, double b, double c, double d, double e, double f, double g, double h) {
    /** The functional forms the kernels implement. */
    public enum Form { LJ, HARMONIC, IPL, LJ_SF, STICKY, SW }

    /** Parameters of a form with at most six coefficients ({@code g = h = 0}). */
    public PairParams(Form form, double rc2, double a, double b, double c, double d, double e, double f) {
        this(form, rc2, a, b, c, d, e, f, 0, 0);
    }

    /** Energy at r² (masked: 0 at r² ≥ rc2). */
    public double energy(double r2) {
        if (!(r2 < rc2)) return 0.0;
        return switch (form) {
            case LJ -> PairFunctions.ljEnergy(r2, a, b, c);
            case HARMONIC -> PairFunctions.harmonicEnergy(r2, a, b);
            case IPL -> PairFunctions.iplEnergy(r2, a, b, c, d, e, f);
            case LJ_SF -> PairFunctions.ljSfEnergy(r2, a, b, c, d, e);
            case STICKY -> PairFunctions.stickyEnergy(r2, a, b, c, d, e, f, g, h);
            case SW -> PairFunctions.swEnergy(r2, a, b, c, d, e, f);
        };
    }

    /** {@code −U'(r)/r} at r² (masked: 0 at r² ≥ rc2). */
    public double forceOverR(double r2) {
        if (!(r2 < rc2)) return 0.0;
        return switch (form) {
            case LJ -> PairFunctions.ljForceOverR(r2, a, b);
            case HARMONIC -> PairFunctions.harmonicForceOverR(r2, a, b);
            case IPL -> PairFunctions.iplForceOverR(r2, a, b, d, e, f);
            case LJ_SF -> PairFunctions.ljSfForceOverR(r2, a, b, d);
            case STICKY -> PairFunctions.stickyForceOverR(r2, a, b, d, e, f, g, h);
            case SW -> PairFunctions.swForceOverR(r2, a, b, c, d, e, f);
        };
    }

    /**
     * {@code d(−U'(r)/r)/d(r²)} at r² (masked: 0 at r² ≥ rc2), ε/σ⁴: the second-derivative term of the
     * pair Hessian block {@code ∂²U/∂r_i∂r_i = −f I − 2 f' d dᵀ} (f = {@link #forceOverR}, d = r_i − r_j).
     */
    public double forceOverRDerivative(double r2) {
        if (!(r2 < rc2)) return 0.0;
        return switch (form) {
            case LJ -> PairFunctions.ljForceOverRDerivative(r2, a, b);
            case HARMONIC -> PairFunctions.harmonicForceOverRDerivative(r2, a, b);
            case IPL -> PairFunctions.iplForceOverRDerivative(r2, a, b, e, f);
            case LJ_SF -> PairFunctions.ljSfForceOverRDerivative(r2, a, b, d);
            case STICKY -> PairFunctions.stickyForceOverRDerivative(r2, a, b, e, f, g, h);
            case SW -> PairFunctions.swForceOverRDerivative(r2, a, b, c, d, e, f);
        };
    }
}
