package org.softglass.core.trap;

import org.softglass.core.params.ModelParameters;

/**
 * The trap-like model of {@code 000}: independent sites of softness S, each rearranging with rate
 * k(S,T) = P(R|S,T)/τ_R (eq 4) and drawing its new softness from the Gaussian ϱ(S) = N(S0, σ0²).
 *
 * <p>Barriers follow DESIGN §5 ({@link ModelParameters.Barriers}): ln P(R|S,T) = ln A(T) + γ(T) S − δ(T) S²
 * with ln A = Σ0 − ε0/T, γ = ε1(1/T0 − 1/T), δ = ε2(1/T − 1/T0) below T0 and γ = δ = 0 at and above
 * T0. The equilibrium distribution (eq 7) P_T(S) ∝ ϱ(S)/P(R|S,T) is then the Gaussian with mean and
 * variance of eqs 10–11:
 * <pre>
 *   ⟨S⟩ = (S0 − γσ0²)/(1 − 2δσ0²),   Var S = σ0²/(1 − 2δσ0²),
 * </pre>
 * which exists only where 1 − 2δσ0² &gt; 0 ({@link #checkTemperature} refuses other temperatures).
 * Units: T and energies in ε_AA, times in τ (the unit of τ_R); S dimensionless. Immutable, thread-safe.
 */
public final class TrapModel {
    private final ModelParameters.Barriers barriers;
    private final double s0, sigma0, tauR, logTauR;

    /**
     * @param barriers ΔE, Σ with onset T0 (DESIGN §5)
     * @param rho the Gaussian ϱ(S) (its record refuses σ0 ≤ 0)
     * @param tauR τ_R &gt; 0, the time window of P(R|S,T)
     * @throws IllegalArgumentException for a missing part or τ_R ≤ 0
     */
    public TrapModel(ModelParameters.Barriers barriers, ModelParameters.Gaussian rho, double tauR) {
        if (barriers == null || rho == null) throw new IllegalArgumentException("trap model: barriers and rho are required");
        if (!(tauR > 0) || !Double.isFinite(tauR)) throw new IllegalArgumentException("trap model: tauR must be > 0, got " + tauR);
        this.barriers = barriers;
        this.s0 = rho.s0();
        this.sigma0 = rho.sigma0();
        this.tauR = tauR;
        this.logTauR = Math.log(tauR);
    }

    /** The model of a parameter file (barriers, ϱ and τ_R; the optional sections are not used). */
    public static TrapModel of(ModelParameters p) {
        return new TrapModel(p.barriers(), p.rho(), p.tauR());
    }

    /** Builds a model from plain numbers; negative or zero widths are refused with the parameter's name. */
    public static TrapModel of(double eps0, double eps1, double eps2, double sigma0Entropy, double t0,
                               double s0, double sigmaS0, double tauR) {
        if (!(sigmaS0 > 0)) throw new IllegalArgumentException("width of rho(S): sigma0 must be > 0, got " + sigmaS0);
        return new TrapModel(new ModelParameters.Barriers(eps0, eps1, eps2, sigma0Entropy, t0),
                new ModelParameters.Gaussian(s0, sigmaS0), tauR);
    }

    /** The barrier parameters. */
    public ModelParameters.Barriers barriers() { return barriers; }

    /** Mean S0 of ϱ(S). */
    public double s0() { return s0; }

    /** Standard deviation σ0 of ϱ(S). */
    public double sigma0() { return sigma0; }

    /** τ_R. */
    public double tauR() { return tauR; }

    /** Onset temperature T0. */
    public double t0() { return barriers.t0(); }

    /**
     * Refuses temperatures at which the model is undefined: T must be finite and &gt; 0, and
     * 1 − 2δ(T)σ0² must be &gt; 0 (otherwise P_T(S) grows without bound at large |S|, eq 11).
     *
     * @return T
     * @throws IllegalArgumentException naming the condition and the values
     */
    public double checkTemperature(double t) {
        if (!(t > 0) || !Double.isFinite(t)) throw new IllegalArgumentException("temperature must be finite and > 0, got T = " + t);
        double d = normalisation(t);
        if (!(d > 0)) {
            throw new IllegalArgumentException(String.format(
                    "1 - 2 delta(T) sigma0^2 = %.6g <= 0 at T = %.6g (delta = %.6g, sigma0 = %.6g): P_T(S) is not normalisable (eq 11); use a higher T or a smaller eps2",
                    d, t, barriers.delta(t), sigma0));
        }
        return t;
    }

    /** γ(T) (eq 12). */
    public double gamma(double t) { return barriers.gamma(t); }

    /** δ(T) (eq 13). */
    public double delta(double t) { return barriers.delta(t); }

    /** 1 − 2δ(T)σ0². */
    public double normalisation(double t) { return 1 - 2 * barriers.delta(t) * sigma0 * sigma0; }

    /** ⟨S⟩ at equilibrium, eq 10. */
    public double meanS(double t) {
        checkTemperature(t);
        return (s0 - barriers.gamma(t) * sigma0 * sigma0) / normalisation(t);
    }

    /** Var S at equilibrium, eq 11. */
    public double varS(double t) {
        checkTemperature(t);
        return sigma0 * sigma0 / normalisation(t);
    }

    /** ln k(S,T) = ln P(R|S,T) − ln τ_R (eq 4), in ln(1/τ). */
    public double logRate(double s, double t) { return barriers.logProbability(s, t) - logTauR; }

    /** k(S,T) = P(R|S,T)/τ_R (eq 4), rearrangements per unit time. */
    public double rate(double s, double t) { return Math.exp(logRate(s, t)); }

    /** ϱ(S), the normalised Gaussian density. */
    public double rho(double s) {
        double z = (s - s0) / sigma0;
        return Math.exp(-0.5 * z * z) / (sigma0 * SQRT_2PI);
    }

    /** P_T(S), the normalised equilibrium density (eq 7 in its closed Gaussian form, eqs 10–11). */
    public double equilibriumDensity(double s, double t) {
        double mu = meanS(t), sd = Math.sqrt(varS(t));
        double z = (s - mu) / sd;
        return Math.exp(-0.5 * z * z) / (sd * SQRT_2PI);
    }

    static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    @Override
    public String toString() {
        return String.format("TrapModel[eps0=%g eps1=%g eps2=%g Sigma0=%g T0=%g; rho=N(%g, %g^2); tauR=%g]",
                barriers.eps0(), barriers.eps1(), barriers.eps2(), barriers.sigma0(), barriers.t0(), s0, sigma0, tauR);
    }
}
