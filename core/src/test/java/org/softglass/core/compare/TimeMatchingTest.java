package org.softglass.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.compare.TimeMatching.ErrorFrom;
import org.softglass.core.compare.TimeMatching.Factor;
import org.softglass.core.compare.TimeMatching.Tau;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trap.Relaxation;
import org.softglass.core.trap.TrapModel;
import org.softglass.core.trsp.OverlapRecorder;
import org.softglass.core.trsp.TrspDynamics;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspPresets;
import org.softglass.core.util.Refusal;

class TimeMatchingTest {

    private static ModelParameters withTauR(ModelParameters p, double tauR) {
        return new ModelParameters(p.barriers(), p.rho(), tauR, p.meanS(), p.cS(), p.sigmaDelta(), p.rhoDelta(), p.errors(), p.provenance());
    }

    /**
     * The trap model with every rate multiplied by the factor (τ_R → τ_R/f; or Σ0 → Σ0 + ln f) is the matched
     * curve of the unscaled one: Q̄_f(t/f) = Q̄(t), τ_Q and τ_χ divided by f, at every temperature, and its τ_Q at
     * T_ref equals the MD's. Tolerances: Q̄ by Gauss–Kronrod to 1e-11 relative, roots in ln t to 1e-12; 1e-9 covers both.
     */
    @Test
    void scaledTrapModelIsTheMatchedCurve() {
        ModelParameters p = TrspPresets.ka002();
        TrapModel raw = TrapModel.of(p);
        double[] temps = {0.9, 0.7, 0.6};
        double fTrue = 3.7;
        List<Tau> md = new ArrayList<>(), model = new ArrayList<>();
        double[] rawTau = new double[temps.length];
        for (int k = 0; k < temps.length; k++) {
            rawTau[k] = new Relaxation(raw, temps[k]).timeAt(Math.exp(-1));
            model.add(Tau.of(temps[k], rawTau[k]));
            // MD: only the reference temperature matters; the lower ones deliberately off the model's law
            md.add(new Tau(temps[k], k == 0 ? rawTau[k] / fTrue : 50 * rawTau[k], 0.1));
        }
        Factor f = TimeMatching.match(md, model, TimeMatching.TAU_Q);
        assertEquals(0.9, f.referenceTemperature(), 0);
        assertEquals(fTrue, f.factor(), 1e-12 * fTrue);
        // σ_f = f · 0.1/τ_MD (only the MD error given)
        assertEquals(ErrorFrom.MD, f.errorFrom());
        assertEquals(f.factor() * 0.1 / md.get(0).tau(), f.error(), 1e-12 * f.error());

        TrapModel scaled = new TrapModel(p.barriers(), p.rho(), p.tauR() / f.factor());
        ModelParameters.Barriers b = p.barriers();
        TrapModel shiftedSigma = new TrapModel(new ModelParameters.Barriers(b.eps0(), b.eps1(), b.eps2(), b.sigma0() + Math.log(f.factor()), b.t0()),
                p.rho(), p.tauR());
        for (int k = 0; k < temps.length; k++) {
            Relaxation r = new Relaxation(raw, temps[k]), s = new Relaxation(scaled, temps[k]), s2 = new Relaxation(shiftedSigma, temps[k]);
            double tau = s.timeAt(Math.exp(-1));
            assertEquals(f.matchedTime(rawTau[k]), tau, 1e-9 * tau, "tau_Q at T = " + temps[k]);
            assertEquals(tau, s2.timeAt(Math.exp(-1)), 1e-9 * tau, "Sigma0 + ln f gives the same model");
            Relaxation.Summary rs = r.summary(1), ss = s.summary(1);
            assertEquals(f.matchedTime(rs.tauChi()), ss.tauChi(), 1e-6 * ss.tauChi(), "tau_chi at T = " + temps[k]);
            assertEquals(rs.chi4Star(), ss.chi4Star(), 1e-10, "chi4* unchanged");
            double[] t = org.softglass.core.util.Grids.logSpaced(rawTau[k] * 1e-3, rawTau[k] * 1e2, 25);
            double[] tm = f.matchedTimes(t);
            for (int i = 0; i < t.length; i++) {
                assertEquals(r.overlap(t[i]), s.overlap(tm[i]), 1e-9, "Q at t = " + t[i] + ", T = " + temps[k]);
            }
        }
        assertEquals(md.get(0).tau(), new Relaxation(scaled, 0.9).timeAt(Math.exp(-1)), 1e-9 * md.get(0).tau(), "matched at T_ref");
    }

    /** Event times and sites of one TRSP trajectory. */
    private record Run(double[] times, int[] sites, double[] q) {}

    private static Run trsp(ModelParameters p, double tEnd, double[] lags, double originInterval, long seed) {
        TrspModel m = TrspModel.of(p, 0.8, 6, 4, 1.0);
        var kicks = TrspEnsemble.kicks(m, 1e-2);
        double[] s = new double[m.lattice().sites()];
        var rng = new java.util.SplittableRandom(seed);
        m.covariance().sample(m.mu(), rng, s);
        TrspDynamics d = new TrspDynamics(m, kicks, s, rng.nextLong());
        OverlapRecorder ov = new OverlapRecorder(m.lattice(), lags, originInterval, 0, new int[0], 0);
        List<double[]> ev = new ArrayList<>();
        d.run(tEnd, Double.POSITIVE_INFINITY, new TrspDynamics.Observer() {
            @Override public void event(double t, int[] sites, double[] before, double[] after) {
                ov.event(t, sites, before, after);
                ev.add(new double[] {t, sites[0]});
            }
        });
        ov.finish(tEnd);
        return new Run(ev.stream().mapToDouble(e -> e[0]).toArray(), ev.stream().mapToInt(e -> (int) e[1]).toArray(), ov.stats().meanQ());
    }

    /**
     * TRSP: the seeded run with every cluster rate multiplied by f (τ_R → τ_R/f) draws the same uniforms, so
     * it fires the same clusters at times t/f (Gillespie: waiting time −ln(1−u)/Σk, cluster by u′Σk against
     * partial sums, both scale-free) and its overlap on lags/f equals the raw run's on lags. For f = 4 (a power
     * of two) every rate, sum and time is scaled exactly, so the comparison is bitwise; for f = 3 they agree to
     * round-off (relative 1e-15 per event accumulated over ~10^4 additions: 1e-11 relative), and the same
     * cluster is chosen unless a partial sum ties the draw to 1e-16 (probability ~1e-12 per run).
     */
    @Test
    void scaledTrspRunIsTheTimeRescaledRun() {
        ModelParameters p = TrspPresets.ka002();
        double tEnd = 150;
        double[] lags = org.softglass.core.util.Grids.logSpaced(0.1, 30, 15);
        Run raw = trsp(p, tEnd, lags, 2, 11);
        assertTrue(raw.times().length > 800, "enough events: " + raw.times().length);
        assertTrue(raw.q()[lags.length - 1] < 0.9 && raw.q()[0] > raw.q()[lags.length - 1], "Q relaxes within the lags");
        for (double f : new double[] {4, 3}) {
            Factor fac = new Factor(TimeMatching.TAU_Q, 0.8, Tau.of(0.8, 1), Tau.of(0.8, f), f, Double.NaN, ErrorFrom.NONE);
            Run sc = trsp(withTauR(p, p.tauR() / f), fac.matchedTime(tEnd), fac.matchedTimes(lags), fac.matchedTime(2), 11);
            assertArrayEquals(raw.sites(), sc.sites(), "same clusters fire, f = " + f);
            double[] expect = fac.matchedTimes(raw.times());
            if (f == 4) {
                assertArrayEquals(expect, sc.times(), 0, "bitwise for a power of two");
                assertArrayEquals(raw.q(), sc.q(), 0);
            } else {
                for (int i = 0; i < expect.length; i++) assertEquals(expect[i], sc.times()[i], 1e-11 * expect[i]);
                assertArrayEquals(raw.q(), sc.q(), 1e-12, "Q(t/f) of the scaled run = Q(t) of the raw one");
            }
        }
    }

    @Test
    void referenceIsTheHighestTemperatureWithBothTimesFinite() {
        List<Tau> md = List.of(Tau.of(1.0, Double.NaN), Tau.of(0.9, 1.2), Tau.of(0.8, 3.0), Tau.of(0.7, 9.0));
        List<Tau> model = List.of(Tau.of(0.7, 20), Tau.of(0.8, 6), Tau.of(0.9, Double.POSITIVE_INFINITY), Tau.of(1.0, 0.5));
        // 1.0: MD missing; 0.9: model infinite -> 0.8
        assertEquals(0.8, TimeMatching.referenceTemperature(md, model), 0);
        Factor f = TimeMatching.match(md, model, TimeMatching.TAU_Q);
        assertEquals(2.0, f.factor(), 1e-15);
        assertEquals(ErrorFrom.NONE, f.errorFrom());
        assertTrue(Double.isNaN(f.error()));
        assertArrayEquals(new double[] {10, 3}, f.matchedTimes(new double[] {20, 6}), 1e-15);
        // a chosen reference
        Factor g = TimeMatching.match(0.7, md, model, TimeMatching.TAU_Q);
        assertEquals(20 / 9.0, g.factor(), 1e-15);
        // temperatures matched to 1e-9, not exactly
        assertEquals(0.8, TimeMatching.referenceTemperature(List.of(Tau.of(0.8 + 1e-12, 3)), List.of(Tau.of(0.8, 6))), 1e-11);
        // both errors: relative errors add in quadrature
        Factor h = TimeMatching.match(List.of(new Tau(0.8, 3, 0.3)), List.of(new Tau(0.8, 6, 1.2)), "x");
        assertEquals(ErrorFrom.BOTH, h.errorFrom());
        assertEquals(2 * Math.hypot(0.1, 0.2), h.error(), 1e-14);
        // only the model error
        assertEquals(ErrorFrom.MODEL, TimeMatching.match(List.of(Tau.of(0.8, 3)), List.of(new Tau(0.8, 6, 1.2)), "x").errorFrom());
    }

    @Test
    void refusesWhenNoTemperatureHasBoth() {
        List<Tau> md = List.of(Tau.of(0.9, Double.NaN), Tau.of(0.6, 5));
        List<Tau> model = List.of(Tau.of(0.9, 2), Tau.of(0.6, 0), Tau.of(0.5, 7));
        Refusal e = assertThrows(Refusal.class, () -> TimeMatching.referenceTemperature(md, model));
        assertTrue(e.getMessage().contains("no temperature has both") && e.getMessage().contains("0.6") && e.getMessage().contains("0.9"), e.getMessage());
        assertThrows(Refusal.class, () -> TimeMatching.match(md, model, "x"));
        Refusal c = assertThrows(Refusal.class, () -> TimeMatching.match(0.9, md, model, "x"));
        assertTrue(c.getMessage().contains("T_ref = 0.9"), c.getMessage());
        assertThrows(Refusal.class, () -> TimeMatching.match(0.75, md, model, "x"), "a T in neither list");
        assertThrows(Refusal.class, () -> TimeMatching.referenceTemperature(List.of(), List.of()));
    }
}
