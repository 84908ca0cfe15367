package org.softglass.core.structure;

/** The scalar reference {@link DescriptorKernel}: plain loops with {@link Math#exp}; lanes = 1. Stateless. */
public final class ScalarDescriptorKernel implements DescriptorKernel {
    /** The shared instance. */
    public static final ScalarDescriptorKernel INSTANCE = new ScalarDescriptorKernel();

    private ScalarDescriptorKernel() {}

    @Override public int lanes() { return 1; }

    @Override
    public void expScaled(double[] in, int from, int to, double c, double[] out) {
        for (int k = from; k < to; k++) out[k] = Math.exp(c * in[k]);
    }

    @Override
    public void dotCos(double xj, double yj, double zj, double irj, double[] x, double[] y, double[] z, double[] r2,
            double[] ir, int from, int to, double[] s, double[] cos) {
        for (int k = from; k < to; k++) {
            double d = xj * x[k] + yj * y[k] + zj * z[k];
            s[k] = r2[k] - d;
            cos[k] = d * irj * ir[k];
        }
    }

    @Override
    public void power(double[] cos, int from, int to, double lambda, int zeta, double[] out) {
        for (int k = from; k < to; k++) out[k] = ipow(1 + lambda * cos[k], zeta);
    }

    /** b^n for n ≥ 1 by binary exponentiation. */
    static double ipow(double b, int n) {
        double r = 1;
        while (true) {
            if ((n & 1) != 0) r *= b;
            n >>>= 1;
            if (n == 0) return r;
            b *= b;
        }
    }

    @Override
    public void gaussianSums(double[] s, double c, double shift, int from, int to, double scale, int count,
            double[] a0, double[] a1, double[] a2, double[] a3, double[] acc, int o0, int o1, int o2, int o3) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        double nc = -c;
        for (int k = from; k < to; k++) {
            double w = Math.exp(nc * s[k] + shift);
            s0 += w * a0[k];
            if (count > 1) {
                s1 += w * a1[k];
                if (count > 2) {
                    s2 += w * a2[k];
                    s3 += w * a3[k];
                }
            }
        }
        acc[o0] += scale * s0;
        if (count > 1) {
            acc[o1] += scale * s1;
            if (count > 2) {
                acc[o2] += scale * s2;
                acc[o3] += scale * s3;
            }
        }
    }

    @Override
    public double radialSum(double[] r, int from, int to, double mu, double invW) {
        double s = 0;
        for (int k = from; k < to; k++) {
            double d = r[k] - mu;
            s += Math.exp(-d * d * invW);
        }
        return s;
    }

    @Override public String name() { return "scalar"; }
}
