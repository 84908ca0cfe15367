package org.softglass.core.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussKronrodTest {
    @Test
    void smoothIntegrals() {
        // K15 is exact for polynomials of degree 22 and converges geometrically for analytic integrands
        assertEquals(2.0, GaussKronrod.integrate(Math::sin, 0, Math.PI, 1, 1e-14, 0, 100).value(), 1e-14);
        assertEquals(Math.E - 1, GaussKronrod.integrate(Math::exp, 0, 1, 1, 1e-14, 0, 100).value(), 1e-14);
    }

    @Test
    void narrowPeakInAWideInterval() {
        // a Gaussian of width 1e-3 at 0.3721 in [-50, 50]: found only because each initial part is
        // sampled; integral = 1 to the requested relative tolerance (the tail outside is e^{-1e9})
        double w = 1e-3;
        var r = GaussKronrod.integrate(x -> Math.exp(-0.5 * Math.pow((x - 0.3721) / w, 2)) / (w * Math.sqrt(2 * Math.PI)),
                -50, 50, 100_000, 1e-12, 1e-300, 400_000);
        assertEquals(1.0, r.value(), 1e-11);
    }

    @Test
    void nonFiniteIntegrandIsAnError() {
        assertThrows(ArithmeticException.class, () -> GaussKronrod.integrate(Math::log, -1, 1, 2, 1e-10, 0, 10));
    }
}
