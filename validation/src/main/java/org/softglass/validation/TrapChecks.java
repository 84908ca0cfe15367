package org.softglass.validation;

import org.softglass.core.trap.AgingSolver;
import org.softglass.core.trap.Relaxation;
import org.softglass.core.trap.SiteSimulation;
import org.softglass.core.trap.TrapModel;
import org.softglass.core.trap.TrapPresets;
import org.softglass.core.util.Grids;
import org.softglass.validation.Check.Comparison;

/**
 * The trap-like model (paper 000, KA preset): the exact stochastic site simulation against the
 * equilibrium quadrature of Q(t), the closed-form equilibrium ⟨S⟩ (eq 10) and the aging master equation.
 */
final class TrapChecks {
    private TrapChecks() {}

    /** z-scores of ⟨S(t_w)⟩: the largest |z| over all quenches and times, the largest χ²/n of a quench, the number of points. */
    record Aging(double maxZ, double maxChi2PerPoint, int points) {}

    /**
     * 50 000 exact sites ({@link SiteSimulation#aging}) against the master equation ({@link AgingSolver},
     * 2000 bins, 70 geometric steps between outputs) after quenches from T = 1 to T_F = 0.47, 0.55,
     * 0.65, at 3 log-spaced t_w per decade over 5 decades (0.1 … 1e4, 16 times per quench); z = (⟨S⟩_sites − ⟨S⟩_ME)/s.e. with s.e. = sd(S)/√(5·10⁴) ≈ 0.0045; the
     * master equation's own error (~1e-5, bins and steps) is negligible.
     */
    static Aging aging(Context ctx) throws Exception {
        return ctx.memo("trap.aging", () -> {
            TrapModel ka = TrapModel.of(TrapPresets.ka());
            double maxZ = 0, maxChi2 = 0;
            int points = 0;
            for (double tf : new double[] {0.47, 0.55, 0.65}) {
                AgingSolver.Result me = new AgingSolver(ka, 1.0, tf, 2000).run(0.1, 1e4, 3, 70, 0, null, null);
                SiteSimulation.Aging mc = SiteSimulation.aging(ka, 1.0, tf, 50_000, 1000 + (long) (100 * tf) + ctx.seed(), me.times());
                double chi2 = 0;
                for (int j = 0; j < me.times().length; j++) {
                    double z = (mc.mean()[j] - me.meanS()[j]) / mc.stdError()[j];
                    maxZ = Math.max(maxZ, Math.abs(z));
                    chi2 += z * z;
                }
                maxChi2 = Math.max(maxChi2, chi2 / me.times().length);
                points += me.times().length;
            }
            return new Aging(maxZ, maxChi2, points);
        });
    }

    /**
     * The largest |z| over 3 quenches × 16 times must stay below 4.5: P(|z| &gt; 4.5) = 6.8·10⁻⁶ per
     * point, ≈ 3·10⁻⁴ for all 48 (less, since the same sites are followed in time).
     */
    static Check agingZ() {
        return new Check("trap.aging-vs-sites", "trap master equation <S(t_w)> vs 50000 exact sites (3 quenches), max |z|",
                false, Comparison.WITHIN, ctx -> {
                    Aging a = aging(ctx);
                    return new Measurement(0, a.maxZ(), 4.5, a.points() + " points, s.e. from the site spread");
                });
    }

    /**
     * χ²/n per quench, expected 1: the z at different t_w are positively correlated (the same sites at
     * every t_w), so χ²/n has mean 1 but a wide spread; only a gross misfit (χ²/n &gt; 6, i.e. outside
     * 1 ± 5) fails. Measured: the largest χ²/n of the three quenches.
     */
    static Check agingChi2() {
        return new Check("trap.aging-vs-sites-chi2", "trap master equation vs exact sites: largest chi2/n of the 3 quenches",
                false, Comparison.WITHIN, ctx -> {
                    Aging a = aging(ctx);
                    return new Measurement(1, a.maxChi2PerPoint(), 5, a.points() / 3 + " correlated points per quench");
                });
    }

    /**
     * Q(t) of 200 000 independent equilibrium sites at T = 0.45 ({@link SiteSimulation#overlap})
     * against the quadrature {@link Relaxation#overlap} (000 eq 16) at 25 log-spaced times from
     * 10⁻³ τ_Q to 10³ τ_Q. z = (Q_sites − Q)/σ with the binomial σ = √(Q(1 − Q)/M) (+1e-12 where Q
     * reaches 0 or 1); the largest |z| must stay below 4.5 (6.8·10⁻⁶ per time, ≈ 2·10⁻⁴ for all 25).
     */
    static Check overlapVsQuadrature() {
        return new Check("trap.overlap-vs-quadrature", "trap Q(t) of 200000 exact sites at T=0.45 vs the quadrature (000 eq 16), max |z|",
                false, Comparison.WITHIN, ctx -> {
                    TrapModel ka = TrapModel.of(TrapPresets.ka());
                    int sites = 200_000;
                    Relaxation r = new Relaxation(ka, 0.45);
                    double tauQ = r.timeAt(Math.exp(-1));
                    double[] times = Grids.logSpaced(1e-3 * tauQ, 1e3 * tauQ, 25);
                    double[] mc = SiteSimulation.overlap(ka, 0.45, sites, 42 + ctx.seed(), times);
                    double worst = 0;
                    for (int j = 0; j < times.length; j++) {
                        double q = r.overlap(times[j]);
                        worst = Math.max(worst, Math.abs(mc[j] - q) / (Math.sqrt(q * (1 - q) / sites) + 1e-12));
                    }
                    return new Measurement(0, worst, 4.5, String.format("25 times, tau_Q = %.4g", tauQ));
                });
    }

    /**
     * Equilibrium ⟨S⟩ in closed form (000 eq 10, {@link TrapModel#meanS}) against 20 000 exact sites
     * quenched from T = 1 to T = 0.7 and run to t = 10⁵ (τ_Q ≈ 40, so equilibrated: the master
     * equation is within 1e-6 of eq 10 long before). z = (⟨S⟩_sites − ⟨S⟩_eq10)/s.e.; |z| ≤ 4.5.
     */
    static Check equilibriumMeanS() {
        return new Check("trap.equilibrium-mean-s", "trap <S> of 20000 exact sites after 1e5 at T=0.7 vs closed form (000 eq 10), |z|",
                false, Comparison.WITHIN, ctx -> {
                    TrapModel ka = TrapModel.of(TrapPresets.ka());
                    SiteSimulation.Aging mc = SiteSimulation.aging(ka, 1.0, 0.7, 20_000, 3 + ctx.seed(), new double[] {1e5});
                    double eq = ka.meanS(0.7);
                    return new Measurement(0, Math.abs(mc.mean()[0] - eq) / mc.stdError()[0], 4.5,
                            String.format("<S> = %.4f +- %.4f, eq 10: %.4f", mc.mean()[0], mc.stdError()[0], eq));
                });
    }
}
