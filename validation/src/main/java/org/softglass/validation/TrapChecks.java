package org.softglass.validation;

import org.softglass.core.trap.AgingSolver;
import org.softglass.core.trap.SiteSimulation;
import org.softglass.core.trap.TrapModel;
import org.softglass.core.trap.TrapPresets;
import org.softglass.validation.Check.Comparison;

/** The trap-like model (paper 000, KA preset): its master-equation solver against the exact stochastic site simulation. */
final class TrapChecks {
    private TrapChecks() {}

    /** z-scores of ⟨S(t_w)⟩, per quench: the largest |z| and χ²/n over its 70 times. */
    record Aging(double maxZ, double maxChi2PerPoint, int points) {}

    /**
     * 50 000 exact sites ({@link SiteSimulation#aging}) against the master equation ({@link AgingSolver},
     * 2000 bins) after quenches from T = 1 to T_F = 0.47, 0.55, 0.65, at 70 log-spaced t_w over 5
     * decades (0.1 … 1e4); z = (⟨S⟩_sites − ⟨S⟩_ME)/s.e. with s.e. = sd(S)/√(5·10⁴) ≈ 0.0045; the
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
     * The largest |z| over 3 quenches × 70 times must stay below 4.5: P(|z| &gt; 4.5) = 6.8·10⁻⁶ per
     * point, ≈ 1.4·10⁻³ for all 210 (less, since the same sites are followed in time).
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
                    return new Measurement(1, a.maxChi2PerPoint(), 5, "70 correlated points per quench");
                });
    }
}
