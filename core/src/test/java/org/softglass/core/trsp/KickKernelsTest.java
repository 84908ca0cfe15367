package org.softglass.core.trsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KickKernelsTest {
    /** SIMD and scalar give bit-identical results (same fma order per element) for every tail length. */
    @Test
    void simdEqualsScalarOnOddSizes() {
        SplittableRandom r = new SplittableRandom(2);
        for (int rows = 1; rows <= 40; rows += 3)
            for (int cols : new int[]{1, 7, 33}) {
                float[] a = new float[rows * cols], x = new float[Math.max(rows, cols)];
                for (int k = 0; k < a.length; k++) a[k] = (float) r.nextGaussian();
                for (int k = 0; k < x.length; k++) x[k] = (float) r.nextGaussian();
                float[] s1 = new float[rows], s2 = new float[rows];
                KickKernels.scalar().dense(a, rows, cols, x, s1);
                KickKernels.panama().dense(a, rows, cols, x, s2);
                assertArrayEquals(s1, s2);
                double[] ref = new double[rows];
                for (int i = 0; i < rows; i++) for (int b = 0; b < cols; b++) ref[i] += (double) a[b * rows + i] * x[b];
                for (int i = 0; i < rows; i++) assertEquals(ref[i], s1[i], 1e-5 * (1 + Math.abs(ref[i])) * cols); // float round-off
                int[] start = new int[rows + 1];
                for (int b = 0; b < rows; b++) start[b + 1] = start[b] + rows - b;
                float[] p = new float[start[rows]];
                for (int k = 0; k < p.length; k++) p[k] = (float) r.nextGaussian();
                float[] t1 = new float[rows], t2 = new float[rows];
                KickKernels.scalar().lowerPacked(p, start, rows, x, t1);
                KickKernels.panama().lowerPacked(p, start, rows, x, t2);
                assertArrayEquals(t1, t2);
            }
    }
}
