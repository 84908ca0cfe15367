package org.softglass.core.barriers;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softglass.core.params.ModelParameters;

/**
 * Planted truth: labels drawn from a known P(R|S,T) = exp(Σ(S) − ΔE(S)/T) (DESIGN §5 form, KA-like
 * ε's of 001) on Gaussian S at 5 temperatures below T0; the fits must recover the planted numbers
 * within their own reported errors. Bound: 4σ per parameter (two-sided normal tail 6e-5; over the
 * ~5 + 2×22 compared numbers the chance that any exceeds it is < 0.4 %), and the errors must be
 * small enough to be informative.
 */
class BarrierAnalysisTest {
    static final ModelParameters.Barriers TRUTH = new ModelParameters.Barriers(2.5, -0.9, 0.05, 1.0, 0.86);
    static final double[] TEMPS = {0.45, 0.5, 0.55, 0.62, 0.7};
    static final double A = 0.5, B = -0.3;   // ⟨S⟩(T) = A + B/T

    static List<BarrierAnalysis.Sample> planted(double[] temps, int n, boolean kramers, long seed) {
        Random rnd = new Random(seed);
        List<BarrierAnalysis.Sample> out = new ArrayList<>();
        for (double t : temps) {
            double[] s = new double[n];
            boolean[] r = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = A + B / t + rnd.nextGaussian();
                double lp = TRUTH.logProbability(s[i], t) - (kramers ? Math.log(t) : 0);
                r[i] = rnd.nextDouble() < Math.exp(lp);
            }
            out.add(new BarrierAnalysis.Sample(t, s, r));
        }
        return out;
    }

    static BarrierAnalysis.Options options(boolean kramers, boolean strict) {
        return new BarrierAnalysis.Options(new SoftnessBins(-3.0, 2.5, 22), 200, 42, 20, 0.9, kramers, strict, true);
    }

    @Test
    void recoversPlantedBarriersAndOnset() {
        var res = BarrierAnalysis.run(planted(TEMPS, 200_000, false, 1), options(false, false));
        OnsetFit f = res.onset();
        double[] truth = {TRUTH.eps0(), TRUTH.eps1(), TRUTH.eps2(), TRUTH.sigma0(), TRUTH.t0()};
        double[] got = {f.eps0(), f.eps1(), f.eps2(), f.sigma0(), f.t0()};
        // informative-error bounds: 200k samples per T give ~1e4 events per T; expected errors are
        // O(0.05) for ε0, Σ0, O(0.02) for ε1, T0 and O(0.01) for ε2 — a factor ~3 above that is "absurd".
        double[] maxErr = {0.3, 0.1, 0.05, 0.3, 0.1};
        for (int i = 0; i < 5; i++) {
            assertTrue(f.errors()[i] > 0 && f.errors()[i] < maxErr[i], "error " + i + " = " + f.errors()[i]);
            assertEquals(truth[i], got[i], 4 * f.errors()[i], "parameter " + i);
        }
        assertTrue(res.fits().size() >= 15, "bins fitted: " + res.fits().size());
        for (ArrheniusFit a : res.fits()) {
            assertEquals(TRUTH.deltaE(a.s()), a.barrier(), 4 * a.barrierErr(), "ΔE at S=" + a.s());
            assertEquals(TRUTH.entropy(a.s()), a.entropy(), 4 * a.entropyErr(), "Σ at S=" + a.s());
        }
        // ⟨S⟩(T) = a + b/T with iid samples: errors not rescaled away (χ²/dof ~ 1)
        double[] ab = res.meanS().params(), abErr = res.meanS().scaledErrors();
        assertEquals(A, ab[0], 4 * abErr[0]);
        assertEquals(B, ab[1], 4 * abErr[1]);
        for (var m : res.moments()) assertEquals(1.0, m.std(), 0.01);   // σ_S = 1, error 1/sqrt(2·2e5) = 0.0016
    }

    @Test
    void kramersFormRecoversThePlantedBarriers() {
        var res = BarrierAnalysis.run(planted(TEMPS, 100_000, true, 2), options(true, false));
        OnsetFit f = res.onset();
        assertTrue(f.kramers());
        assertEquals(TRUTH.eps1(), f.eps1(), 4 * f.errors()[1]);
        assertEquals(TRUTH.eps0(), f.eps0(), 4 * f.errors()[0]);
        assertEquals(TRUTH.t0(), f.t0(), 4 * f.errors()[4]);
        // fitting the plain form to Kramers data shifts ε0 by about T̄ (d ln T / d(1/T) = −T): far outside errors
        var plain = BarrierAnalysis.run(planted(TEMPS, 100_000, true, 2), options(false, false));
        assertTrue(Math.abs(plain.onset().eps0() - TRUTH.eps0()) > 4 * plain.onset().errors()[0]);
    }

    @Test
    void refusesTemperaturesAboveTheOnset() {
        // exact (noise-free) points from the clamped form, two temperatures above T0 = 0.86 where P(R|S)
        // is flat: no quadratic form with T0 above 1.0 can fit a flat then S-dependent family
        List<BarrierPoint> pts = new ArrayList<>();
        double[] ts = {0.5, 0.6, 0.7, 0.95, 1.05};
        for (double t : ts) {
            for (int k = 0; k < 8; k++) {
                double s = -1.5 + 0.5 * k, p = Math.exp(TRUTH.logProbability(s, t));
                pts.add(new BarrierPoint(k, t, s, p, 0.01 * p, 1000));
            }
        }
        var e = assertThrows(IllegalArgumentException.class, () -> OnsetFit.fit(pts, false, 10, 0.9));
        assertTrue(e.getMessage().contains("at or above the fitted onset"), e.getMessage());
        // the same points below T0 alone are fitted exactly
        OnsetFit ok = OnsetFit.fit(pts.stream().filter(p -> p.t() < 0.86).toList(), false, 10, 0.9);
        assertEquals(TRUTH.t0(), ok.t0(), 1e-6);   // noise-free data: LM converges to the truth to round-off level
        assertEquals(TRUTH.eps1(), ok.eps1(), 1e-6);
    }

    @Test
    void refusesSaturatedSparseAndSingleTemperature() {
        List<BarrierPoint> sat = List.of(new BarrierPoint(3, 0.5, 1, 0.3, 0.01, 100), new BarrierPoint(3, 0.7, 1, 0.95, 0.01, 950));
        var e1 = assertThrows(IllegalArgumentException.class, () -> ArrheniusFit.fit(sat, false, 10, 0.9));
        assertTrue(e1.getMessage().contains("P(R|S) ~ 1"), e1.getMessage());
        List<BarrierPoint> sparse = List.of(new BarrierPoint(3, 0.5, 1, 0.001, 0.0005, 3), new BarrierPoint(3, 0.7, 1, 0.01, 0.001, 100));
        var e2 = assertThrows(IllegalArgumentException.class, () -> ArrheniusFit.fit(sparse, false, 10, 0.9));
        assertTrue(e2.getMessage().contains("3 rearrangements, fewer than the 10 needed"), e2.getMessage());
        List<BarrierPoint> one = List.of(new BarrierPoint(3, 0.5, 1, 0.1, 0.01, 100));
        var e3 = assertThrows(IllegalArgumentException.class, () -> ArrheniusFit.fit(one, false, 10, 0.9));
        assertTrue(e3.getMessage().contains("at least 2 temperatures"), e3.getMessage());
        var e4 = assertThrows(IllegalArgumentException.class,
                () -> BarrierAnalysis.run(planted(new double[] {0.5}, 1000, false, 3), options(false, false)));
        assertTrue(e4.getMessage().contains("at least 2 temperatures"), e4.getMessage());
        // strict mode: the sparse low-S bins at T = 0.45 are refused by name
        var e5 = assertThrows(IllegalArgumentException.class,
                () -> BarrierAnalysis.run(planted(TEMPS, 20_000, false, 4), options(false, true)));
        assertTrue(e5.getMessage().contains("rearrangements, fewer than"), e5.getMessage());
        // non-strict: the same data are fitted and every drop is listed (no NaN anywhere)
        var res = BarrierAnalysis.run(planted(TEMPS, 20_000, false, 4), options(false, false));
        assertFalse(res.dropped().isEmpty());
        for (ArrheniusFit a : res.fits()) assertTrue(Double.isFinite(a.barrier()) && Double.isFinite(a.barrierErr()));
    }

    @Test
    void bootstrapErrorMatchesBinomial() {
        // one bin, p = 0.2, n = 10^4: the bootstrap std of r/n must match sqrt(p(1−p)/n) = 0.004
        // within its own sampling error (B = 2000 replicates: relative error 1/sqrt(2B) = 1.6 %; 6 % bound ~ 4σ)
        int n = 10_000;
        double[] s = new double[n];
        boolean[] r = new boolean[n];
        for (int i = 0; i < n; i++) { s[i] = 0.5; r[i] = i % 5 == 0; }
        var cp = ConditionalProbability.compute(s, r, new SoftnessBins(0, 1, 1), 2000, 9);
        assertEquals(0.2, cp.p()[0], 1e-15);
        assertEquals(Math.sqrt(0.2 * 0.8 / n), cp.pErr()[0], 0.06 * Math.sqrt(0.2 * 0.8 / n));
        assertEquals(1.0, cp.density()[0], 1e-15);   // all samples in one bin of width 1
    }

    @Test
    void rearrangementDurationCountsCompleteRuns() {
        double nan = Double.NaN;
        double[][] ph = {
                {0.0, 0.3, nan},
                {0.3, 0.3, 0.0},
                {0.3, 0.0, 0.5},
                {0.0, 0.0, 0.5},
                {0.0, 0.5, 0.5},
                {0.0, 0.5, 0.0},
                {0.0, 0.5, 0.0},
        };
        // particle 0: run frames 1–2 (length 2); particle 1: run at frame 0–1 touches the start (censored),
        // run 4–6 touches the end (censored); particle 2: run 2–4 (length 3)
        var d = RearrangementDuration.of(ph, 0.2);
        assertEquals(2, d.runs());
        assertEquals(2.5, d.meanFrames(), 1e-15);
        double[][] censoredOnly = {{nan}, {0.5}, {0.0}};
        assertThrows(IllegalArgumentException.class, () -> RearrangementDuration.of(censoredOnly, 0.2));
    }
}
