package org.softglass.core.correlate;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.space.Box;

/** Roles of {@link KickFrame}: who sets r̃, who is background (issue 15). Particles on a line in a 20σ box. */
class KickFrameTest {
    static final Box BOX = Box.cubic(20);

    static double[] line(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i;
        return x;
    }

    static KickStatistics stats() { return new KickStatistics(new SoftnessBins(0.5, 9.5, 9), new SoftnessBins(-5, 5, 1), 4, 2); }

    @Test
    void onlyRearrangersAndWindowRearrangersSetRTilde() {
        int n = 20;
        double[] x = line(n), zero = new double[n], s = new double[n], ds = new double[n];
        for (int i = 0; i < n; i++) { s[i] = 0.1 * i; ds[i] = 0.01 * i; }
        KickFrame.Role[] role = new KickFrame.Role[n];
        java.util.Arrays.fill(role, KickFrame.Role.BYSTANDER);
        role[0] = KickFrame.Role.REARRANGER;
        role[10] = KickFrame.Role.EXCLUDED;            // a B rearrangement: does not set r̃
        double[] rt = KickFrame.add(stats(), BOX, x, zero, zero, s, ds, role, 5);
        assertEquals(0, rt[0]);
        assertTrue(Double.isNaN(rt[10]));
        assertEquals(9, rt[9], 1e-12);
        assertEquals(9, rt[11], 1e-12);                 // min image: 20 − 11 = 9 from particle 0, not 1 from the B rearranger
        assertEquals(5, rt[15], 1e-12);
        // the same frame with particle 10 an A rearrangement peaking at another frame of the window: it sets r̃
        role[10] = KickFrame.Role.WINDOW_REARRANGER;
        rt = KickFrame.add(stats(), BOX, x, zero, zero, s, ds, role, 5);
        assertEquals(1, rt[9], 1e-12);
        assertEquals(1, rt[11], 1e-12);
        assertEquals(0, rt[10]);
    }

    @Test
    void windowRearrangersAreNeitherSamplesNorBackground() {
        int n = 20;
        double[] x = line(n), zero = new double[n], s = new double[n], ds = new double[n];
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < n; i++) { s[i] = rnd.nextGaussian(); ds[i] = 0.1 * rnd.nextGaussian(); }
        KickFrame.Role[] role = new KickFrame.Role[n];
        java.util.Arrays.fill(role, KickFrame.Role.BYSTANDER);
        role[0] = KickFrame.Role.REARRANGER;
        // background (r̃ ≥ 4) with a lone rearranger at 0: particles 4..16 (min image), 13 of them
        KickStatistics alone = stats();
        KickFrame.add(alone, BOX, x, zero, zero, s, ds, role, 5);
        assertEquals(13, background(alone));
        // a neighbouring-frame rearranger at 10 makes 7..13 near a rearrangement: background 4..6 and 14..16
        role[10] = KickFrame.Role.WINDOW_REARRANGER;
        KickStatistics with = stats();
        KickFrame.add(with, BOX, x, zero, zero, s, ds, role, 5);
        assertEquals(6, background(with));
        // and it is not a sample: r = 0 holds the one rearranger, r̃ = 1 its neighbours 1, 19 and 9, 11
        var res = with.result(1.0, 1);
        assertEquals(1, res.n()[0]);
        assertEquals(4, res.n()[1]);
        // as a B rearrangement (EXCLUDED) it is no sample either, and sets no r̃: background 4..16 without 10
        role[10] = KickFrame.Role.EXCLUDED;
        KickStatistics excl = stats();
        KickFrame.add(excl, BOX, x, zero, zero, s, ds, role, 5);
        assertEquals(12, background(excl));
    }

    @Test
    void cellSearchFindsExactlyTheBruteForcePairs() {
        java.util.Random rnd = new java.util.Random(9);
        for (double l : new double[] {6, 10.5, 12, 20}) {      // 1, 3, 3 and 5 cells of side >= 3.5 per axis
            Box box = Box.cubic(l);
            int n = 300;
            double[] x = new double[n], y = new double[n], z = new double[n];
            for (int i = 0; i < n; i++) { x[i] = l * rnd.nextDouble() - (i % 7 == 0 ? l : 0); y[i] = l * rnd.nextDouble(); z[i] = l * rnd.nextDouble(); }
            int[] idx = java.util.stream.IntStream.range(0, n).filter(i -> i % 3 != 0).toArray();
            java.util.Set<Long> got = new java.util.HashSet<>(), want = new java.util.HashSet<>();
            KickFrame.forPairs(box, x, y, z, idx, 3.5, (i, j, d2) -> assertTrue(got.add((long) Math.min(i, j) * n + Math.max(i, j)), "pair twice"));
            for (int a = 0; a < idx.length; a++) for (int b = a + 1; b < idx.length; b++) {
                int i = idx[a], j = idx[b];
                if (box.distanceSquared(x[i], y[i], z[i], x[j], y[j], z[j]) < 3.5 * 3.5) want.add((long) Math.min(i, j) * n + Math.max(i, j));
            }
            assertEquals(want, got, "L = " + l);
            assertFalse(want.isEmpty());
        }
    }

    private static long background(KickStatistics ks) {
        try {
            return ks.result(1.0, 1).backgroundN();
        } catch (IllegalArgumentException e) {
            throw new AssertionError(e);
        }
    }
}
