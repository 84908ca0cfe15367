package org.softglass.core.trap;

/**
 * The equilibrium softness distribution of the trap-like model by numerical integration of eq 7,
 * P_T(S) ∝ ϱ(S) e^{ΔE(S)/T − Σ(S)} (below T0; ϱ(S) itself at and above T0), written with ΔE and Σ of
 * eqs 8–9 in the DESIGN §5 convention — without using the closed forms of eqs 10–13, so that it checks
 * them.
 *
 * <p>Method: the mode of ln P_T is located on a grid of 4001 points over S0 ± 200σ0 and refined by
 * golden section; the width σ_eff is estimated from the curvature there (central finite difference);
 * the moments ∫(S − mode)^n P_T dS (n = 0, 1, 2) are integrated with {@link GaussKronrod} over
 * mode ± 40σ_eff (the Gaussian weight outside is below e^{−800}, i.e. zero in double precision) to a
 * relative tolerance of 1e-14.
 */
public final class Equilibrium {
    private Equilibrium() {}

    /** Mean and variance of S and the normalisation Z = ∫ϱ e^{ΔE/T−Σ} dS, with the integrand scaled by e^{−ln w(mode)}. */
    public record Moments(double mean, double variance, double logNorm) {}

    /** ln[ϱ(S) e^{ΔE(S)/T − Σ(S)}] up to a constant, eq 7 literally (S-independent rate at and above T0). */
    static double logWeight(TrapModel m, double s, double t) {
        double z = (s - m.s0()) / m.sigma0();
        double lw = -0.5 * z * z;
        if (t < m.t0()) lw += m.barriers().deltaE(s) / t - m.barriers().entropy(s);
        return lw;
    }

    /**
     * ⟨S⟩ and Var S at temperature t by quadrature of eq 7.
     *
     * @throws IllegalArgumentException when t is invalid or P_T is not normalisable (see {@link TrapModel#checkTemperature})
     */
    public static Moments numeric(TrapModel m, double t) {
        m.checkTemperature(t);
        double lo = m.s0() - 200 * m.sigma0(), hi = m.s0() + 200 * m.sigma0();
        int n = 4000;
        double best = Double.NEGATIVE_INFINITY, mode = m.s0();
        for (int i = 0; i <= n; i++) {
            double s = lo + (hi - lo) * i / n;
            double v = logWeight(m, s, t);
            if (v > best) { best = v; mode = s; }
        }
        double h = (hi - lo) / n, a = mode - h, b = mode + h;
        final double g = 0.5 * (Math.sqrt(5) - 1);
        for (int it = 0; it < 200 && b - a > 1e-15 * (1 + Math.abs(mode)); it++) {
            double x1 = b - g * (b - a), x2 = a + g * (b - a);
            if (logWeight(m, x1, t) > logWeight(m, x2, t)) b = x2; else a = x1;
        }
        final double c = 0.5 * (a + b);
        final double lc = logWeight(m, c, t);
        double d = 1e-3 * m.sigma0();
        double curv = (logWeight(m, c + d, t) - 2 * lc + logWeight(m, c - d, t)) / (d * d);
        double sd = 1 / Math.sqrt(-curv);
        double from = c - 40 * sd, to = c + 40 * sd;
        double z0 = GaussKronrod.integrate(s -> Math.exp(logWeight(m, s, t) - lc), from, to, 16, 1e-14, 1e-300, 4096).value();
        double z1 = GaussKronrod.integrate(s -> (s - c) * Math.exp(logWeight(m, s, t) - lc), from, to, 16, 1e-14, 1e-15 * z0 * sd, 4096).value();
        double z2 = GaussKronrod.integrate(s -> (s - c) * (s - c) * Math.exp(logWeight(m, s, t) - lc), from, to, 16, 1e-14, 1e-300, 4096).value();
        double mu1 = z1 / z0;
        return new Moments(c + mu1, z2 / z0 - mu1 * mu1, Math.log(z0) + lc);
    }
}
