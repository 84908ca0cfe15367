package org.softglass.core.trsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.nativebridge.DenseArrays;
import org.softglass.nativebridge.Triangle;

class CirculantTest {
    private static final Lattice LAT = new Lattice(5);
    private static final Circulant K = new Circulant(LAT, r -> r == 0 ? 1.0 : 1.2 * Math.exp(-r / 0.7));

    private static double[] dense() {
        int n = LAT.sites();
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i + j * n] = K.get(i, j);
        return a;
    }

    @Test
    void fftEigenvaluesMatchDenseEigenvalues() {
        int n = LAT.sites();
        double[] fft = K.eigenvalues();
        Arrays.sort(fft);
        double[] lapack = DenseArrays.dsyevr(Triangle.LOWER, n, dense(), n, false).values();
        for (int i = 0; i < n; i++) assertEquals(lapack[i], fft[i], 1e-12); // round-off on O(10) values
    }

    @Test
    void inverseRowInvertsK() {
        int n = LAT.sites();
        double[] inv = K.inverseRow();
        for (int i : new int[]{0, 7, 63}) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += K.get(i, k) * inv[LAT.index(LAT.x(j) - LAT.x(k), LAT.y(j) - LAT.y(k), LAT.z(j) - LAT.z(k))];
                assertEquals(i == j ? 1 : 0, s, 1e-12);
            }
        }
    }

    /** Sample covariance of 20 000 FFT draws matches K within 5 standard errors (≈ √(2/20000) for unit variances). */
    @Test
    void samplesHaveCovarianceK() {
        int n = LAT.sites(), draws = 20000;
        SplittableRandom rng = new SplittableRandom(7);
        double[] s = new double[n];
        int[] js = {0, 1, 5, 6, 31};
        double[] sum = new double[js.length];
        double mean = 0;
        for (int d = 0; d < draws; d++) {
            K.sample(-0.5, rng, s);
            for (int k = 0; k < js.length; k++) sum[k] += (s[0] + 0.5) * (s[js[k]] + 0.5);
            mean += s[3];
        }
        assertEquals(-0.5, mean / draws, 5 * Math.sqrt(K.maxEigenvalue() / n / draws + 1.0 / draws));
        for (int k = 0; k < js.length; k++) {
            double c = sum[k] / draws, se = Math.sqrt((1 + K.get(0, js[k]) * K.get(0, js[k])) / draws);
            assertTrue(Math.abs(c - K.get(0, js[k])) < 5 * se, "C(0," + js[k] + ") = " + c + " vs " + K.get(0, js[k]));
        }
    }
}
