package org.softglass.core.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Relaxation (eqs 16–21): quadrature against brute force, χ4 peak, single exponential above T0, stretching. */
class RelaxationTest {
    static final TrapModel KA = TrapModelTest.KA;

    /** Q̄ by composite Simpson on 400 001 points over ⟨S⟩ ± 40σ_S (step 2e-4 σ_S): an independent brute force. */
    static double bruteForceOverlap(TrapModel m, double temp, double t) {
        double mu = m.meanS(temp), sd = Math.sqrt(m.varS(temp));
        int n = 400_000;
        double a = mu - 40 * sd, h = 80 * sd / n, sum = 0;
        for (int i = 0; i <= n; i++) {
            double s = a + i * h;
            double f = m.equilibriumDensity(s, temp) == 0 ? 0
                    : Math.exp(Math.log(m.equilibriumDensity(s, temp)) - m.rate(s, temp) * t);
            sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return sum * h / 3;
    }

    /** Strong heterogeneity: at T = 0.3, γ = 6.5, σ_S = 2.1 (1 − 2δσ0² = 0.51): γσ_S ≈ 14, rates over ~50 decades within ±5σ_S. */
    static final TrapModel WIDE = TrapModel.of(6.0, -3.0, 0.05, 7.0, 0.86, 0.0, 1.5, 4.0);

    @Test
    void quadratureAgreesWithBruteForceOverTwelveDecades() {
        quadratureAgreesWithBruteForce(KA, 0.40);
        quadratureAgreesWithBruteForce(KA, 0.6);
        quadratureAgreesWithBruteForce(WIDE, 0.3);
    }

    static void quadratureAgreesWithBruteForce(TrapModel model, double temp) {
        {
            Relaxation r = new Relaxation(model, temp);
            double tauQ = r.timeAt(Math.exp(-1));
            for (double f = 1e-4; f <= 1e8; f *= 100) {
                double t = f * tauQ;
                double q = r.overlap(t), ref = bruteForceOverlap(model, temp, t);
                // Simpson with h = 2e-4 σ has a relative error ~h⁴ f''''/180 ≲ 1e-12 even where the integrand is
                // a sharp edge of width 1/γ ≈ 1; the adaptive rule is asked for 1e-11: allow 1e-9 relative.
                assertEquals(ref, q, 1e-9 * ref, "T=" + temp + " t/tauQ=" + f);
                assertTrue(q > 0, "Q stays resolved at t = " + f + " tauQ: " + q);
            }
        }
    }

    @Test
    void chi4PeaksWhereOverlapIsHalfWithChi4StarMOver4() {
        for (double m : new double[] {1, 7}) {
            for (double temp : new double[] {0.40, 0.47, 0.7, 1.0}) {
                Relaxation r = new Relaxation(KA, temp);
                Relaxation.Summary s = r.summary(m);
                // tau_chi comes from maximising chi4 over ln t (Brent, relative 1e-10 in ln t), a flat
                // maximum: the argmax is known to ~sqrt(1e-16 / curvature) ≈ 1e-7 in ln t; 1e-6 allowed.
                assertEquals(s.tauHalf(), s.tauChi(), 1e-6 * s.tauHalf(), "T=" + temp);
                assertEquals(0.5, r.overlap(s.tauChi()), 1e-6);
                // the value at the maximum is second order in the argmax error
                assertEquals(m / 4, s.chi4Star(), 1e-12 * m);
                assertEquals(Math.exp(-1), r.overlap(s.tauQ()), 1e-12);
            }
        }
    }

    @Test
    void aboveOnsetQIsASingleExponential() {
        for (double temp : new double[] {0.86, 1.0, 1.5}) {
            Relaxation r = new Relaxation(KA, temp);
            double k = KA.rate(0, temp);
            for (double t : org.softglass.core.util.Grids.logSpaced(1e-6 / k, 1e6 / k, 25)) {
                double exact = Math.exp(-k * t);
                // the integrand is e^{-kt} P(S): the quadrature of the normalised Gaussian carries its
                // own relative error (tolerance 1e-11) and nothing else
                if (exact > 1e-300) assertEquals(exact, r.overlap(t), 1e-10 * exact, "t=" + t);
                if (k * t > 1e-4 && k * t < 500) assertEquals(1.0, r.localStretching(t), 1e-8, "beta at t=" + t);
            }
            Relaxation.Summary s = r.summary(1);
            assertEquals(1 / k, s.tauQ(), 1e-9 / k);
            assertEquals(1.0, s.gQ(), 1e-9);
            assertEquals(Math.log(2), s.gChi(), 1e-6);
            assertEquals(1.0, s.betaKww(), 1e-9);
            assertEquals(1.0, s.betaAtTauQ(), 1e-9);
        }
    }

    @Test
    void stretchingMatchesFiniteDifferencesAndGrowsOnCooling() {
        Relaxation r = new Relaxation(KA, 0.47);
        double tauQ = r.timeAt(Math.exp(-1));
        for (double f : new double[] {1e-3, 0.1, 1, 10, 1e3}) {
            double t = f * tauQ, eps = 1e-4;
            double up = Math.log(-Math.log(r.overlap(t * Math.exp(eps)))), dn = Math.log(-Math.log(r.overlap(t * Math.exp(-eps))));
            // central difference: truncation ~eps² β''/6 ≈ 1e-9; round-off ~1e-11/eps = 1e-7
            assertEquals((up - dn) / (2 * eps), r.localStretching(t), 1e-6, "t/tauQ=" + f);
        }
        double b1 = new Relaxation(KA, 0.40).summary(1).betaKww(), b2 = new Relaxation(KA, 0.47).summary(1).betaKww(),
                b3 = new Relaxation(KA, 0.6).summary(1).betaKww();
        assertTrue(b1 < b2 && b2 < b3 && b3 < 1, b1 + " " + b2 + " " + b3);
    }

    @Test
    void gQGrowsOnCoolingAndTauQExceedsTauChi() {
        // 000: g_Q increases with gamma and delta (both grow on cooling); tau_Q > tau_chi always (Q decreasing)
        double prev = 1;
        for (double temp : new double[] {0.8, 0.6, 0.5, 0.45, 0.4}) {
            Relaxation.Summary s = new Relaxation(KA, temp).summary(1);
            assertTrue(s.gQ() > prev, "g_Q(" + temp + ") = " + s.gQ());
            assertTrue(s.tauQ() > s.tauChi());
            prev = s.gQ();
        }
    }
}
