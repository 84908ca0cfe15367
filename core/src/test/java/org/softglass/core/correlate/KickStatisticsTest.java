package org.softglass.core.correlate;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softglass.core.barriers.SoftnessBins;

/**
 * Synthetic kicks with a known σ_Δ(r), η(r), ρ(r) and a background of undetected rearrangements
 * composed after them exactly as App. E assumes: ΔS = ΔS1 + ΔS2 with
 * ΔS1 = η1(r)(A − S) + σ1(r) ξ1 and ΔS2 = η2(A2 − S − ΔS1) + σ2 ξ2, σ2² = σ²η2(2 − η2) (eq 18 for the
 * background). The subtraction must give back η1, σ1 and ρ; without it the background shows.
 */
class KickStatisticsTest {
    static final double SIG2 = 1.0, A = 0.2, A2 = -0.1, ETA2 = 0.08;
    static final double SIG2BG = SIG2 * ETA2 * (2 - ETA2);

    static double eta1(double r) { return r > 6 ? 0 : 0.6 * Math.exp(-r / 1.5); }
    static double sig1(double r) { return r > 6 ? 0 : 0.7 * Math.exp(-r / 2.0); }
    static double rho(double r) { return Math.exp(-r / 1.0); }

    @Test
    void backgroundSubtractionRecoversPlantedKicks() {
        Random rnd = new Random(23);
        SoftnessBins rb = new SoftnessBins(0.5, 9.5, 9);    // centres 1..9
        KickStatistics ks = new KickStatistics(rb, new SoftnessBins(-2.5, 2.5, 10), 6.5, 20);
        int perBin = 40_000;
        for (int b = 0; b < 9; b++) {
            double r = rb.center(b);
            for (int i = 0; i < perBin; i++) {
                ks.group(i % 20);   // independent samples: any grouping
                double s0 = Math.sqrt(SIG2) * rnd.nextGaussian(), sr = Math.sqrt(SIG2) * rnd.nextGaussian();
                double z1 = rnd.nextGaussian(), z2 = rnd.nextGaussian();
                double n0 = sig1(0) * z1, nr = sig1(r) * (rho(r) * z1 + Math.sqrt(1 - rho(r) * rho(r)) * z2);
                double d0 = kick(eta1(0), s0, n0, rnd), dr = kick(eta1(r), sr, nr, rnd);
                ks.add(0, s0, d0);
                ks.add(r, sr, dr);
                ks.addPair(r, r, s0, d0, sr, dr);
                // two far particles at distance r from each other: background kicks only, independent here
                double s1 = Math.sqrt(SIG2) * rnd.nextGaussian(), s2 = Math.sqrt(SIG2) * rnd.nextGaussian();
                ks.addBackgroundPair(r, 7, s1, kick(0, s1, 0, rnd), 7, s2, kick(0, s2, 0, rnd));
            }
        }
        var res = ks.result(SIG2, 50);
        assertEquals(ETA2, res.eta2(), 0.01);   // slope error sqrt(σ²_res/(n σ²)) ≈ 0.002 with n = 1.2e5; 5σ
        for (int k = 0; k < res.sigma2bg().length; k++) assertEquals(SIG2BG, res.sigma2bg()[k], 0.02, "bg S bin " + k);
        for (int i = 0; i < res.r().length; i++) {
            double r = res.r()[i];
            // 4σ of the reported jackknife errors (20 groups; n = 4e4 (×9 for r = 0) independent samples per row)
            assertEquals(sig1(r), res.sigma()[i], 4 * res.sigmaErr()[i], "sigma at r=" + r);
            assertEquals(eta1(r), res.eta()[i], 4 * res.etaErr()[i], "eta at r=" + r);
            if (i > 0 && r < 6) assertEquals(rho(r), res.rho()[i], 4 * res.rhoErr()[i], "rho at r=" + r);
        }
        // the corrected mean is η1(A − S): check in the central S bin at r = 1
        int mid = 5;
        double sMid = res.sCenters()[mid];
        assertEquals(eta1(1) * (A - sMid), res.meanDs()[1][mid], 0.03);
        // without subtraction the r = 3 variance would be σ1² + σ2² − σ1²σ2²/σ², clearly larger
        double raw = sig1(3) * sig1(3) + SIG2BG - sig1(3) * sig1(3) * SIG2BG / SIG2;
        assertTrue(Math.sqrt(raw) - res.sigma()[3] > 10 * res.sigmaErr()[3]);
        // far from the rearrangement nothing is left
        assertEquals(0, res.sigma()[8], 0.05);
    }

    static double kick(double eta, double s, double noise, Random rnd) {
        double d1 = eta * (A - s) + noise;
        double d2 = ETA2 * (A2 - s - d1) + Math.sqrt(SIG2BG) * rnd.nextGaussian();
        return d1 + d2;
    }

    @Test
    void refusesBackgroundAsLargeAsTheSoftnessVariance() {
        KickStatistics ks = new KickStatistics(new SoftnessBins(0.5, 2.5, 2), new SoftnessBins(-2, 2, 1), 2, 2);
        Random rnd = new Random(1);
        for (int i = 0; i < 1000; i++) { double s = rnd.nextGaussian(); ks.add(2.2, s, 2 * rnd.nextGaussian()); }
        var e = assertThrows(IllegalArgumentException.class, () -> ks.result(1.0, 10));
        assertTrue(e.getMessage().contains("E2 cannot be inverted"), e.getMessage());
    }
}
