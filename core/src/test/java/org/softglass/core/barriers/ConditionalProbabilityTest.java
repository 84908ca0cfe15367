package org.softglass.core.barriers;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The block bootstrap of P(R|S) (DESIGN §7b) on synthetic trajectories whose rearrangements span
 * several consecutive frames, as p_hop &gt; threshold does ({@code 002} §V).
 *
 * <p>Generator: PARTICLES particles in three softness classes (S = −1, 0, 1 plus a uniform
 * ±0.4 jitter per frame, so each class fills one bin of [−1.5, 1.5) / 3), FRAMES frames, the first and
 * last EDGE frames NaN (the p_hop window does not fit there). In every frame f (including the LMAX − 1
 * frames before the first) an event starts with probability q_c of the particle's class, and lasts L
 * frames, L uniform on {LMIN..LMAX}; a frame is rearranging when any event covers it. Starts are
 * independent, so the truth is exact: frame f is covered by an event started at f − l (l = 0..LMAX−1)
 * with probability q·P(L &gt; l), hence P(R|S_c) = 1 − Π_l (1 − q_c P(L &gt; l)).
 */
class ConditionalProbabilityTest {
    static final int PARTICLES = 240, FRAMES = 44, EDGE = 2, LMIN = 3, LMAX = 7;
    static final double[] Q = {0.012, 0.03, 0.07};
    static final SoftnessBins BINS = new SoftnessBins(-1.5, 1.5, 3);

    /** The exact P(R|S) of class c. */
    static double truth(int c) {
        double none = 1;
        for (int l = 0; l < LMAX; l++) {
            double longer = l < LMIN ? 1 : (double) (LMAX - l) / (LMAX - LMIN + 1);   // P(L > l)
            none *= 1 - Q[c] * longer;
        }
        return 1 - none;
    }

    /** One dataset, frames × particles row-major like softness.npy: sample i = frame i / P, particle i % P. */
    record Data(double[] s, boolean[] r, int[] particle) {}

    static Data dataset(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = PARTICLES * FRAMES;
        double[] s = new double[n];
        boolean[] r = new boolean[n];
        int[] particle = new int[n];
        for (int j = 0; j < PARTICLES; j++) {
            int c = j % 3;
            boolean[] covered = new boolean[FRAMES];
            for (int f = -(LMAX - 1); f < FRAMES; f++) {
                if (rnd.nextDouble() >= Q[c]) continue;
                int len = LMIN + rnd.nextInt(LMAX - LMIN + 1);
                for (int g = Math.max(0, f); g < Math.min(FRAMES, f + len); g++) covered[g] = true;
            }
            for (int f = 0; f < FRAMES; f++) {
                int i = f * PARTICLES + j;
                boolean edge = f < EDGE || f >= FRAMES - EDGE;
                s[i] = edge ? Double.NaN : (c - 1) + 0.8 * (rnd.nextDouble() - 0.5);
                r[i] = covered[f];
                particle[i] = j;
            }
        }
        return new Data(s, r, particle);
    }

    /**
     * Fraction of (dataset, bin) trials whose stated interval p ± σ holds the truth.
     *
     * @param blocks particle blocks, or the independent-sample bootstrap (every sample its own block)
     */
    static double coverage(int datasets, boolean blocks) {
        int hit = 0, trials = 0;
        for (int d = 0; d < datasets; d++) {
            Data x = dataset(1000 + d);
            ConditionalProbability cp = blocks ? ConditionalProbability.compute(x.s(), x.r(), x.particle(), BINS, 200, d)
                    : ConditionalProbability.compute(x.s(), x.r(), BINS, 200, d);
            for (int c = 0; c < 3; c++) {
                assertTrue(cp.pErr()[c] > 0, "dataset " + d + " bin " + c);
                trials++;
                if (Math.abs(cp.p()[c] - truth(c)) <= cp.pErr()[c]) hit++;
            }
        }
        return (double) hit / trials;
    }

    /**
     * 200 datasets × 3 bins = 600 independent trials (classes use disjoint particles). A correct 1σ
     * interval covers 68.27 %; binomial sd sqrt(0.6827·0.3173/600) = 0.019, so the accepted band is
     * ±3 sd = ±0.057. The particle-frame bootstrap of the old code must fall below that band: with
     * events of 3–7 frames it understates σ by ≈ √(frames per event), coverage ≈ 30 %.
     */
    @Test
    void blockBootstrapCoversTheTruthAtOneSigma() {
        double tol = 3 * Math.sqrt(0.6827 * 0.3173 / 600);
        double block = coverage(200, true);
        assertEquals(0.6827, block, tol, "block-bootstrap 1-sigma coverage");
        double independent = coverage(60, false);   // 180 trials; its own sd ~ 0.035 and it sits ~0.35 below
        assertTrue(independent < 0.6827 - tol, "the independent-sample bootstrap was expected to undercover, got " + independent);
    }

    @Test
    void sameSeedSameErrorsWhateverTheRowOrder() {
        Data x = dataset(7);
        int[] blocks = x.particle();
        var a = ConditionalProbability.compute(x.s(), x.r(), blocks, BINS, 100, 5);
        var b = ConditionalProbability.compute(x.s(), x.r(), blocks, BINS, 100, 5);
        assertArrayEquals(a.pErr(), b.pErr(), 0.0);
        assertFalse(java.util.Arrays.equals(a.pErr(), ConditionalProbability.compute(x.s(), x.r(), blocks, BINS, 100, 6).pErr()),
                "another seed must give other replicates");
        // particle-major instead of frame-major rows: the per-block counts, hence the errors, are the same
        int n = x.s().length;
        double[] s2 = new double[n];
        boolean[] r2 = new boolean[n];
        int[] b2 = new int[n];
        int q = 0;
        for (int j = 0; j < PARTICLES; j++) {
            for (int f = 0; f < FRAMES; f++) { int i = f * PARTICLES + j; s2[q] = x.s()[i]; r2[q] = x.r()[i]; b2[q] = blocks[i]; q++; }
        }
        var c = ConditionalProbability.compute(s2, r2, b2, BINS, 100, 5);
        assertArrayEquals(a.pErr(), c.pErr(), 0.0);
        assertArrayEquals(a.p(), c.p(), 0.0);
        assertEquals(PARTICLES, a.blocks());
    }

    @Test
    void denseBlocksNumbersLabelsInAscendingOrder() {
        assertArrayEquals(new int[] {1, 0, 2, 1, 0}, ConditionalProbability.denseBlocks(new long[] {40, 7, 1000, 40, 7}));
    }

    @Test
    void refusesMismatchedBlocks() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ConditionalProbability.compute(new double[3], new boolean[3], new int[2], BINS, 10, 1));
        assertTrue(e.getMessage().contains("blocks"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConditionalProbability.compute(new double[2], new boolean[2], new int[] {0, -1}, BINS, 10, 1));
    }
}
