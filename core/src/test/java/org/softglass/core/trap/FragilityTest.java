package org.softglass.core.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;

/** Eq 22 on synthetic parabolic-law data with known T_g and m. */
class FragilityTest {
    // ln(tau/tau0) = J^2 (1/T - 1/To)^2 with tau0 = 0.3, J = 2.1, To = 0.95
    static final double TAU0 = 0.3, J = 2.1, TO = 0.95;

    static double tau(double t) { double d = 1 / t - 1 / TO; return TAU0 * Math.exp(J * J * d * d); }

    /** Closed form: ln(1e7/τ0) = J²(x_g − 1/To)² → x_g = 1/To + √(ln(1e7/τ0))/J; m = x_g · 2J²(x_g − 1/To). */
    static final double XG = 1 / TO + Math.sqrt(Math.log(1e7 / TAU0)) / J;
    static final double TG = 1 / XG, M = XG * 2 * J * J * (XG - 1 / TO);

    @Test
    void recoversTgAndMFromAnExactParabolicLaw() {
        double[] ts = new double[12], taus = new double[12];
        for (int i = 0; i < ts.length; i++) { ts[i] = 0.45 + 0.03 * i; taus[i] = tau(ts[i]); }
        Fragility.Fit f = Fragility.fit(ts, taus, 1e7);
        // exact data: only round-off of a 3x3 least-squares solve on centred, scaled abscissae
        assertEquals(TG, f.tg(), 1e-10 * TG);
        assertEquals(M, f.m(), 1e-8 * M);
        assertEquals(TO, f.tOnset(), 1e-9);
        assertEquals(J, f.j(), 1e-9);
        assertEquals(M / Math.log(10), f.mDecimal(), 1e-8 * M);
        assertTrue(f.rms() < 1e-10);
        assertEquals(M, f.mAt(TG), 1e-8 * M);
        double x = 1 / 0.4;   // d ln tau / d(Tg/T) = x * d ln tau/dx with d ln tau/dx = 2 J^2 (x - 1/To)
        assertEquals(x * 2 * J * J * (x - 1 / TO), f.mAt(0.4), 1e-8 * M);
    }

    @Test
    void noisyDataWithinTheirStatisticalError() {
        // 1% log-normal noise on 40 points: over 1000 synthetic repeats the relative standard deviation
        // was 0.067% for T_g and 0.14% for m (measured while writing the test); bands of 5 sigma
        SplittableRandom rng = new SplittableRandom(11);
        double[] ts = new double[40], taus = new double[40];
        for (int i = 0; i < ts.length; i++) { ts[i] = 0.45 + 0.01 * i; taus[i] = tau(ts[i]) * Math.exp(0.01 * rng.nextGaussian()); }
        Fragility.Fit f = Fragility.fit(ts, taus, 1e7);
        assertEquals(TG, f.tg(), 0.0035 * TG);
        assertEquals(M, f.m(), 0.007 * M);
    }

    @Test
    void refusesDataWithoutAParabolicTg() {
        double[] ts = {0.5, 0.6, 0.7, 0.8, 0.9}, taus = new double[5];
        for (int i = 0; i < 5; i++) taus[i] = Math.exp(5 / ts[i] - 0.5 / (ts[i] * ts[i]));   // sub-Arrhenius: c < 0
        var e = assertThrows(IllegalArgumentException.class, () -> Fragility.fit(ts, taus, 1e7));
        assertTrue(e.getMessage().contains("not super-Arrhenius"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fragility.fit(new double[] {0.5, 0.6}, new double[] {1, 2}, 1e7));
        assertThrows(IllegalArgumentException.class, () -> Fragility.fit(new double[] {0.5, 0.6, -0.7}, new double[] {1, 2, 3}, 1e7));
    }

    @Test
    void readsATauTable(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("tau.csv");
        Files.writeString(ok, "# MD tau_alpha\nT,tau_alpha,err\n0.5,1000,10\n0.6, 100 ,1\n\n0.7,20,1\n");
        TauTable t = TauTable.read(ok);
        assertEquals(3, t.temperatures().length);
        assertEquals(100, t.taus()[1]);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "T,tau\n0.5,1000\n0.6,abc\n0.7,3\n");
        var e = assertThrows(InputFormatException.class, () -> TauTable.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":3: found 'abc'"), e.getMessage());
        Path neg = dir.resolve("neg.csv");
        Files.writeString(neg, "0.5,1000\n0.6,-1\n0.7,3\n");
        e = assertThrows(InputFormatException.class, () -> TauTable.read(neg));
        assertTrue(e.getMessage().startsWith(neg + ":2:"), e.getMessage());
    }
}
