package org.softglass.core.correlate;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.softglass.core.params.ModelParameters.ExpCorrelation;
import org.softglass.core.trsp.Circulant;
import org.softglass.core.trsp.Lattice;
import org.softglass.core.util.Refusal;

/** Refusal of kick fits that cannot be K_Δ (issue 15, DESIGN §7b). */
class KickCovarianceCheckTest {
    static final ExpCorrelation SIGMA = new ExpCorrelation(0.5, 0.3, 1.2);

    @Test
    void refusesRhoAboveOneBetweenLatticeSites() {
        // the demo's fit before the fix: rho_Delta(r) = 10.8 exp(-r/1.35), 5.15 at r = 1
        var e = assertThrows(Refusal.class, () -> KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, 10.8, 1.35)));
        assertTrue(e.getMessage().contains("10.8") && e.getMessage().contains("exceeds 1"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertThrows(Refusal.class, () -> KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, Math.exp(1 / 1.35) * 1.0001, 1.35)));
    }

    @Test
    void acceptsCorrelationsUpToOne() {
        KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, 0.6, 1.35));
        KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, 1.0, 3));
        KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, -0.01, 1));
    }

    @Test
    void acceptsAnEq29AmplitudeAboveOneWhenPositiveDefiniteOnTheLattice() {
        // 002 eq 29: f(0) = c0, f(r > 0) = c1 e^{-r/xi} with c1 > c0 allowed; rho(1) = 0.44, lambda_min = 1 - 1.2 + 1.2 * 0.3663 = 0.24
        KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, 1.2, 1.0));
        KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, 1.0001, 1.35));
    }

    @Test
    void refusesTheAmplitudeAboveOneThatIsNotPositiveDefinite() {
        // paper-lite's fit at T = 0.50: rho(1) = 0.64 <= 1, but lambda_min(pi, pi, pi) = 1 - 1.764 + 1.764 * 0.3721 = -0.108
        var e = assertThrows(Refusal.class, () -> KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, 1.764, 0.983)));
        assertTrue(e.getMessage().contains("not positive definite") && e.getMessage().contains("-0.10"), e.getMessage());
    }

    @Test
    void refusesNonPositiveDefiniteKDelta() {
        // anticorrelation: λ(q = 0) = 1 + c1 Σ_{j≠0} e^{-r_j}; Σ ≈ 8π − 1 ≈ 24 for ξ = 1, so c1 = −0.1 gives ≈ −1.3
        var e = assertThrows(Refusal.class, () -> KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, -0.1, 1)));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
        // sigma_Delta amplitude that vanishes or changes sign
        assertThrows(Refusal.class, () -> KickCovarianceCheck.require(new ExpCorrelation(0.5, -0.1, 1), new ExpCorrelation(1, 0.5, 1)));
        assertThrows(Refusal.class, () -> KickCovarianceCheck.require(new ExpCorrelation(0, 0.1, 1), new ExpCorrelation(1, 0.5, 1)));
    }

    @Test
    void latticeSumAgreesWithTheTrspLatticeSpectrum() {
        // the q = 0 eigenvalue of the periodic L = 40 lattice (trsp Circulant) equals the infinite-lattice sum
        // up to images beyond 20 lattice units, e^{-20/ξ}-small for ξ = 1.5 (tolerance 1e-3 relative)
        for (double c1 : new double[] {-0.02, -0.05}) {
            ExpCorrelation rho = new ExpCorrelation(1, c1, 1.5);
            Circulant c = new Circulant(new Lattice(40), rho::at);
            double ours = KickCovarianceCheck.minLatticeEigenvalue(rho);
            assertEquals(c.minEigenvalue(), ours, 1e-3 * Math.abs(c.minEigenvalue()) + 1e-6, "c1 = " + c1);
        }
    }

    @Test
    void cornerSumIsTheSmallestEigenvalueOfTheSampledExponential() {
        // the FFT spectrum of the periodic L = 32 lattice (minimum image; images beyond 16 units cancel at the corner
        // to < 1e-8 for xi <= 2): its minimum is at q = (pi, pi, pi) and equals the Poisson corner sum
        for (double xi : new double[] {0.3, 0.6, 0.983, 1.5, 2}) {
            Circulant c = new Circulant(new Lattice(32), r -> Math.exp(-r / xi));
            double corner = KickCovarianceCheck.cornerSum(xi);
            assertEquals(c.minEigenvalue(), corner, 1e-6 * corner, "xi = " + xi);
            assertEquals(1 - 2 + 2 * corner, KickCovarianceCheck.minLatticeEigenvalue(new ExpCorrelation(1, 2, xi)), 1e-15);
        }
    }
}
