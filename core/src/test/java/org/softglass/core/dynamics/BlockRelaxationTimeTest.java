package org.softglass.core.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.space.Box;

/** τ_α by time blocks on ballistic trajectories whose F_s is known in closed form in every block. */
class BlockRelaxationTimeTest {
    private static final double Q = 6.35, DT = 0.05;

    /**
     * Every particle moves at speed v_b along a fixed random direction in block b, so within the block
     * |Δr| = v_b t for every origin and F_s(q, t) = sin(q v_b t)/(q v_b t) exactly: τ_b = x_s/(q v_b) with
     * sin(x_s)/x_s = 0.2 (bisection here). The estimator interpolates linearly in ln t between lags about 2.3 %
     * apart (100 per decade at lags ≈ 40), an error of order (Δ ln t)² ≈ 5e-4 relative: tolerance 2e-3.
     */
    @Test
    void eachBlockGivesTheClosedFormAndTheErrorIsTheirStandardError() {
        double[] v = {0.8, 1.0, 1.25, 1.0};
        int len = 120;
        Trajectory t = ballistic(v, len, 3);
        BlockRelaxationTime b = BlockRelaxationTime.of(t, Q, -1, 100, v.length, 0.2);
        double xs = sincRoot(0.2);
        double[] want = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            want[k] = xs / (Q * v[k]);
            assertEquals(want[k], b.tau()[k], 2e-3 * want[k], "block " + k);
        }
        double m = 0;
        for (double w : b.tau()) m += w / v.length;
        double ss = 0;
        for (double w : b.tau()) ss += (w - m) * (w - m);
        assertEquals(m, b.mean(), 1e-14 * m);
        assertEquals(Math.sqrt(ss / (v.length - 1) / v.length), b.sem(), 1e-12 * b.sem());
        assertEquals(0, b.undefined());
    }

    /** Equal speeds in every block: equal τ_b and a zero error. The last F mod B frames are left out. */
    @Test
    void identicalBlocksHaveNoSpread() {
        Trajectory t = ballistic(new double[] {1, 1, 1}, 80, 5);
        BlockRelaxationTime b = BlockRelaxationTime.of(t, Q, -1, 50, 3, 0.2);
        assertEquals(b.tau()[0], b.tau()[2], 1e-12 * b.tau()[0]);
        assertEquals(0, b.sem(), 1e-12 * b.mean());
    }

    /** A block too slow to decay to 0.2 within its frames: NaN for it, NaN mean and error, counted. */
    @Test
    void aBlockThatDoesNotDecayMakesTheErrorUndefined() {
        Trajectory t = ballistic(new double[] {1, 0.01}, 100, 7);
        BlockRelaxationTime b = BlockRelaxationTime.of(t, Q, -1, 20, 2, 0.2);
        assertTrue(Double.isFinite(b.tau()[0]));
        assertTrue(Double.isNaN(b.tau()[1]));
        assertEquals(1, b.undefined());
        assertTrue(Double.isNaN(b.sem()) && Double.isNaN(b.mean()));
        assertThrows(IllegalArgumentException.class, () -> BlockRelaxationTime.of(t, Q, -1, 20, 150, 0.2));
    }

    /** Particles moving at speed v[b] in block b (len frames each) along fixed random directions. */
    private static Trajectory ballistic(double[] v, int len, long seed) {
        int n = 40, frames = v.length * len + 1;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] u = new double[n][3];
        double[][] pos = new double[frames][3 * n];
        for (int i = 0; i < n; i++) {
            double z = 2 * rnd.nextDouble() - 1, phi = 2 * Math.PI * rnd.nextDouble(), s = Math.sqrt(1 - z * z);
            u[i] = new double[] {s * Math.cos(phi), s * Math.sin(phi), z};
            for (int a = 0; a < 3; a++) pos[0][3 * i + a] = 10 * rnd.nextDouble();
        }
        for (int f = 1; f < frames; f++) {
            // frame f − 1 → f moves at the speed of the block of frame f − 1, so block b = frames [b·len, (b+1)·len) moves at v[b]
            double step = v[Math.min(v.length - 1, (f - 1) / len)] * DT;
            for (int i = 0; i < n; i++) for (int a = 0; a < 3; a++) pos[f][3 * i + a] = pos[f - 1][3 * i + a] + step * u[i][a];
        }
        return new Trajectory(Box.cubic(10), new int[n], DT, pos);
    }

    /** The first root of sin(x)/x = level in (0, π), by bisection. */
    private static double sincRoot(double level) {
        double lo = 1e-9, hi = Math.PI;
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (Math.sin(mid) / mid > level) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
