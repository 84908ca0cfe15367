package org.softglass.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The second derivative d(−U'/r)/d(r²) that the Hessian uses, against finite differences. */
class PairSecondDerivativeTest {
    /**
     * f' = d f/d(r²) equals the central difference of f = −U'/r in s = r², for every preset and pair
     * from the core (LJ: 0.75σ_ab, where |f'| ~ 1e4) to just inside the cutoff. Step h = 1e-6 s: the
     * truncation error h² f'''/6 is below 1e-7 |f'| over this range (f is a sum of powers of s with
     * exponents ≥ −8, so f'''/f' ≲ 100/s² ≤ 300), round-off ε_mach|f|/(h s) is below 1e-8 relative;
     * tolerance 1e-6·max(1, |f'|).
     */
    @Test
    void derivativeMatchesFiniteDifferenceOfForceOverR() {
        double h = 1e-6;
        FiniteDifferences.forEachPresetPair((p, a, b, rc) -> {
            // LJ: from 0.75 σ_ab (σ_ab⁶ = c12/c6); IPL and harmonic: from half the cutoff
            double r0 = p.name().equals("ka") ? 0.75 * Math.pow(p.params(a, b).a() / p.params(a, b).b(), 1.0 / 6) : 0.5 * rc;
            for (double r = r0; r * r < rc * rc - 2 * h; r += 0.0131) check(p, a, b, r * r, h);
            check(p, a, b, rc * rc - 1e-3, h);
        });
    }

    /** U''(r) = −f − 2r² f' agrees with the second central difference of U in r (h = 1e-4 σ). */
    @Test
    void curvatureFromDerivativeMatchesEnergy() {
        double h = 1e-4;
        for (PairPotential p : FiniteDifferences.PAIR_PRESETS) {
            double rc = p.cutoff(0, 1);
            for (double r = 0.6 * rc; r < rc - 2 * h; r += 0.05) {
                double s = r * r;
                double upp = -p.forceOverR(0, 1, s) - 2 * s * p.forceOverRDerivative(0, 1, s);
                double fd = (p.energy(0, 1, (r + h) * (r + h)) - 2 * p.energy(0, 1, s) + p.energy(0, 1, (r - h) * (r - h))) / (h * h);
                // truncation h²U''''/12 ≲ 1e-8·1e4 and round-off 4ε_mach|U|/h² ≲ 1e-8: 1e-4 relative is ample
                assertEquals(upp, fd, 1e-4 * Math.max(1, Math.abs(upp)), p.name() + " r=" + r);
            }
        }
    }

    /** Beyond the cutoff the derivative is 0 (masked like the force). */
    @Test
    void zeroBeyondCutoff() {
        for (PairPotential p : FiniteDifferences.PAIR_PRESETS) {
            double rc = p.cutoff(1, 1);
            assertEquals(0.0, p.forceOverRDerivative(1, 1, rc * rc));
            assertEquals(0.0, p.forceOverRDerivative(1, 1, 1.01 * rc * rc));
        }
    }

    private static void check(PairPotential p, int a, int b, double s, double h) {
        double fd = (p.forceOverR(a, b, s * (1 + h)) - p.forceOverR(a, b, s * (1 - h))) / (2 * h * s);
        double d = p.forceOverRDerivative(a, b, s);
        assertEquals(d, fd, 1e-6 * Math.max(1, Math.abs(d)), () -> p.name() + " pair " + a + b + " at r²=" + s);
    }
}
