package org.softglass.core.energy;

import java.util.Locale;
import org.softglass.core.simd.PairParams;

/**
 * The one-species Stillinger–Weber (SW) potential (F. H. Stillinger and T. A. Weber, Phys. Rev. B 31,
 * 5262 (1985), eqs 2.3–2.7), in the form and parameter names of LAMMPS {@code pair_style sw}:
 * <pre>
 *   U = Σ_{i&lt;j} φ₂(r_ij) + Σ_i Σ_{j&lt;k} φ₃(r_ij, r_ik, θ_jik),
 *   φ₂(r) = A ε [B (σ/r)^p − (σ/r)^q] exp(σ/(r − aσ)),
 *   φ₃ = λ ε (cos θ_jik − cos θ₀)² exp(γσ/(r_ij − aσ)) exp(γσ/(r_ik − aσ)),
 * </pre>
 * both zero for distances ≥ aσ (smooth there: every derivative vanishes). φ₂ is a {@link PairParams.Form#SW}
 * pair, φ₃ the {@link TripletTerm}. Units: ε, σ and the particle mass are the units of energy, length
 * and mass.
 *
 * @param epsilon   ε (energy unit)
 * @param sigma     σ (length unit)
 * @param a         reduced cutoff a (r_c = aσ)
 * @param lambda    three-body strength λ
 * @param gamma     three-body decay γ
 * @param cosTheta0 cos θ₀ of the favoured angle
 * @param bigA      A
 * @param bigB      B
 * @param p         repulsive exponent p
 * @param q         attractive exponent q
 */
public record StillingerWeber(double epsilon, double sigma, double a, double lambda, double gamma, double cosTheta0,
                              double bigA, double bigB, double p, double q) {

    /**
     * The SW glass of paper 004 (Sec. II A, Table I): "all parameters equal to the original silicon
     * model, except for the strength of the three-body term, λ = 18.75" (the value that Russo, Romano and
     * Tanaka, Phys. Rev. X 8, 021040 (2018), found to optimise glass-forming ability). The silicon values
     * are those of Stillinger &amp; Weber 1985 as in LAMMPS {@code potentials/Si.sw}: A = 7.049556277,
     * B = 0.6022245584, p = 4, q = 0, a = 1.80, γ = 1.20, cos θ₀ = −1/3 (original λ = 21.0), here in
     * reduced units ε = σ = 1 (Si: ε = 2.1683 eV, σ = 2.0951 Å). One species; paper 004 runs it at
     * ρ = 0.52 σ⁻³ with N = 8000 (Table I).
     */
    public static StillingerWeber paper004() {
        return new StillingerWeber(1.0, 1.0, 1.80, 18.75, 1.20, -1.0 / 3.0, 7.049556277, 0.6022245584, 4.0, 0.0);
    }

    public StillingerWeber {
        if (!(epsilon > 0) || !(sigma > 0) || !(a > 0) || !(lambda >= 0) || !(gamma > 0) || !(Math.abs(cosTheta0) <= 1)
                || !(bigA >= 0) || !(bigB >= 0) || !(p >= 0) || !(q >= 0)) {
            throw new IllegalArgumentException("Stillinger-Weber parameters out of range: " + this);
        }
    }

    /** The cutoff aσ (σ). */
    public double cutoff() { return a * sigma; }

    /** The pair term's kernel parameters ({@link PairParams.Form#SW}). */
    public PairParams pairParams() {
        double rc = cutoff();
        return new PairParams(PairParams.Form.SW, rc * rc, bigA * epsilon, bigB, p, q, sigma, rc);
    }

    /** The three-body term. */
    public TripletTerm tripletTerm() {
        return new TripletTerm(lambda * epsilon, gamma * sigma, cutoff(), cosTheta0);
    }

    /** The potential (one species) under the given name, pairs plus three-body term. */
    public PairPotential potential(String name) {
        String d = String.format(Locale.ROOT, "Stillinger-Weber (one species), epsilon=%s, sigma=%s, a=%s, lambda=%s, gamma=%s,"
                + " cos(theta0)=%s, A=%s, B=%s, p=%s, q=%s", epsilon, sigma, a, lambda, gamma, cosTheta0, bigA, bigB, p, q);
        return new PairPotential(name, d, 1, new PairParams[] {pairParams()}, tripletTerm());
    }
}
