package org.softglass.core.rearrange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The immobile-vs-random training labels of 003 Fig. 8 on a synthetic p_hop table with known values. */
class RandomAboveSelectorTest {

    /** 12 frames × 10 particles; p_hop = frame + slot/10 (all distinct), NaN in frames 0 and 11; slot 9 is species B. */
    private static final int FRAMES = 12, N = 10;

    private static double p(int f, int i) { return f == 0 || f == FRAMES - 1 ? Double.NaN : f + i / 10.0; }

    private static void replay(PhopSink s) throws java.io.IOException {
        long[] ids = new long[N];
        int[] types = new int[N];
        for (int i = 0; i < N; i++) { ids[i] = i + 1; types[i] = i == N - 1 ? 2 : 1; }
        s.start(new PhopHeader("synthetic", ids, types, 2, 0.005, 1, 1, null));
        for (int f = 0; f < FRAMES; f++) {
            double[] row = new double[N];
            for (int i = 0; i < N; i++) row[i] = p(f, i);
            s.row(f, 200L * f, f, row);
        }
        s.finish(FRAMES);
    }

    private static boolean[] onlyA() {
        boolean[] m = new boolean[N];
        for (int i = 0; i < N - 1; i++) m[i] = true;
        return m;
    }

    /**
     * The immobile class is the K lowest A values (frame 1, slots 0..K−1 here); the random class holds K distinct A
     * samples, every one with p_hop strictly above the tail's cut and a structure frame ≥ 0, none of species B, and
     * the same seed gives the same draw.
     */
    @Test
    void picksTheLowTailAndRandomParticlesAboveItsCut() throws java.io.IOException {
        int k = 4, lead = 2;
        TailSelector tail = new TailSelector(k, onlyA());
        replay(tail);
        assertEquals(1.3, tail.lowerCut(), 1e-12);   // 1.0, 1.1, 1.2, 1.3
        RandomAboveSelector r = new RandomAboveSelector(k, tail.lowerCut(), lead, onlyA(), 5);
        replay(r);
        // eligible: A values > 1.3 at p_hop frames ≥ lead = 2 (frames 2..10 × 9 slots = 81; frame 1 is before the lead)
        assertEquals(81, r.eligible());
        SampleList s = r.samples();
        assertEquals(k, s.size());
        Set<String> keys = new HashSet<>();
        for (int q = 0; q < s.size(); q++) {
            assertEquals(1, s.label(q));
            int f = s.frame(q) + lead;
            assertTrue(s.frame(q) >= 0);
            assertTrue(s.slot(q) < N - 1, "species A only");
            assertEquals(p(f, s.slot(q)), s.phop(q), 0.0, "the value at the p_hop frame");
            assertTrue(s.phop(q) > tail.lowerCut());
            keys.add(s.frame(q) + ":" + s.slot(q));
        }
        assertEquals(k, keys.size(), "without replacement");
        RandomAboveSelector again = new RandomAboveSelector(k, tail.lowerCut(), lead, onlyA(), 5);
        replay(again);
        assertEquals(keys(s), keys(again.samples()));
        RandomAboveSelector other = new RandomAboveSelector(k, tail.lowerCut(), lead, onlyA(), 6);
        replay(other);
        assertNotEquals(keys(s), keys(other.samples()));
    }

    /**
     * Uniformity of the reservoir: over 4000 seeds each of the 81 eligible values must be drawn K/81 of the time;
     * every count lies within 5 binomial standard deviations of 4000·K/81.
     */
    @Test
    void everyEligibleValueIsEquallyLikely() throws java.io.IOException {
        int k = 4, seeds = 4000;
        java.util.Map<String, Integer> count = new java.util.HashMap<>();
        for (int seed = 0; seed < seeds; seed++) {
            RandomAboveSelector r = new RandomAboveSelector(k, 1.3, 2, onlyA(), seed);
            replay(r);
            for (String key : keys(r.samples())) count.merge(key, 1, Integer::sum);
        }
        assertEquals(81, count.size(), "every eligible value is drawn at some seed");
        double pr = k / 81.0, mean = seeds * pr, sd = Math.sqrt(seeds * pr * (1 - pr));
        for (var e : count.entrySet()) assertTrue(Math.abs(e.getValue() - mean) < 5 * sd, e.getKey() + ": " + e.getValue() + " vs " + mean);
    }

    private static List<String> keys(SampleList s) {
        List<String> k = new ArrayList<>();
        for (int q = 0; q < s.size(); q++) k.add(s.frame(q) + ":" + s.slot(q) + ":" + s.label(q));
        return k;
    }
}
