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
    void refusesRhoAboveOne() {
        // the demo's fit before the fix: rho_Delta(r) = 10.8 exp(-r/1.35)
        var e = assertThrows(Refusal.class, () -> KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, 10.8, 1.35)));
        assertTrue(e.getMessage().contains("10.8") && e.getMessage().contains("exceeds 1"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertThrows(Refusal.class, () -> KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, 1.0001, 1.35)));
    }

    @Test
    void acceptsCorrelationsUpToOne() {
        KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, 0.6, 1.35));
        KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, 1.0, 3));
        KickCovarianceCheck.require(SIGMA, new ExpCorrelation(1, -0.01, 1));
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
}
