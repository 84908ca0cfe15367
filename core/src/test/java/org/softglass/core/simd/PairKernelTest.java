package org.softglass.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;

/** Scalar and Panama pair kernels agree on every tail length (Lucene's TestVectorUtilSupport pattern). */
class PairKernelTest {
    @Test
    void panamaEqualsScalarOnEveryLength() {
        int lanes = Simd.DOUBLE.length();
        SplittableRandom rnd = new SplittableRandom(42);
        for (PairPotential pot : new PairPotential[] {Models.ka(), Models.ss(), Models.ipl()}) {
            PairParams pp = pot.params(0, 1);
            double rc = Math.sqrt(pp.rc2());
            for (int n = 0; n <= 3 * lanes + 1; n++) {
                int cap = PanamaPairKernel.INSTANCE.padded(n);
                double[] dx = new double[cap], dy = new double[cap], dz = new double[cap];
                for (int k = 0; k < cap; k++) {
                    if (k < n) {
                        // directions uniform, distances from 0.75 to 1.2 rc: some beyond the cutoff
                        double r = rc * (0.6 + 0.6 * rnd.nextDouble()), u = 2 * rnd.nextDouble() - 1, ph = 2 * Math.PI * rnd.nextDouble();
                        double s = Math.sqrt(1 - u * u);
                        dx[k] = r * s * Math.cos(ph); dy[k] = r * s * Math.sin(ph); dz[k] = r * u;
                    } else {
                        dx[k] = dy[k] = dz[k] = PairKernel.PAD;
                    }
                }
                for (boolean energy : new boolean[] {false, true}) {
                    double[] a = new double[5], b = new double[5];
                    ScalarPairKernel.INSTANCE.accumulate(pp, dx, dy, dz, n, energy, a);
                    PanamaPairKernel.INSTANCE.accumulate(pp, dx, dy, dz, n, energy, b);
                    double scale = 0;
                    for (double v : a) scale = Math.max(scale, Math.abs(v));
                    for (int k = 0; k < 5; k++) {
                        final int nn = n, kk = k;
                        assertEquals(a[k], b[k], 1e-13 * Math.max(1, scale) * Math.max(1, n), () -> pot.name() + " n=" + nn + " acc[" + kk + "]");
                    }
                }
            }
        }
    }
}
