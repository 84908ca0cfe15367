package org.softglass.core.structure;

/** The scalar reference {@link DescriptorKernel}: plain loops with {@link Math#exp}; lanes = 1. Stateless. */
public final class ScalarDescriptorKernel implements DescriptorKernel {
    /** The shared instance. */
    public static final ScalarDescriptorKernel INSTANCE = new ScalarDescriptorKernel();

    private ScalarDescriptorKernel() {}

    @Override public int lanes() { return 1; }

    @Override
    public int pairs(double xj, double yj, double zj, double r2j, double irj, double[] x, double[] y, double[] z,
            double[] r2, double[] ir, int from, int to, double eMax, double[] e, double[] cos, int at) {
        for (int k = from; k < to; k++) {
            double d = xj * x[k] + yj * y[k] + zj * z[k];
            double ek = r2[k] + r2j - d;
            if (ek <= eMax) {
                e[at] = ek;
                cos[at++] = d * irj * ir[k];
            }
        }
        return at;
    }

    @Override
    public void power(double[] cos, int from, int to, double lambda, int zeta, double[] out) {
        for (int k = from; k < to; k++) out[k] = ipow(1 + lambda * cos[k], zeta);
    }

    @Override
    public int level(double[] e, double[] cos, int n, double c, int count, double[] a0, double[] a1, double[] a2, double[] a3,
            double[] acc, int o0, int o1, int o2, int o3, double eNext) {
        boolean compact = eNext != Double.POSITIVE_INFINITY;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, nc = -c;
        int at = 0;
        for (int m = 0; m < n; m++) {
            double em = e[m], w = Math.exp(em * nc);
            s0 += w * a0[m];
            if (count > 1) {
                s1 += w * a1[m];
                if (count > 2) {
                    s2 += w * a2[m];
                    s3 += w * a3[m];
                }
            }
            if (compact && em <= eNext) {
                cos[at] = cos[m];
                e[at++] = em;
            }
        }
        acc[o0] += s0;
        if (count > 1) {
            acc[o1] += s1;
            if (count > 2) {
                acc[o2] += s2;
                acc[o3] += s3;
            }
        }
        return compact ? at : n;
    }

    @Override
    public int levelPowerSums(double[] e, double[] cos, int n, double c, double[] acc, int o0, int o1, int o2, double eNext) {
        boolean compact = eNext != Double.POSITIVE_INFINITY;
        double s0 = 0, s1 = 0, s2 = 0, nc = -c;
        int at = 0;
        for (int m = 0; m < n; m++) {
            double em = e[m], cm = cos[m], w = Math.exp(em * nc), wc = w * cm;
            s0 += w;
            s1 += wc;
            s2 += wc * cm;
            if (compact && em <= eNext) {
                cos[at] = cm;
                e[at++] = em;
            }
        }
        acc[o0] += s0;
        acc[o1] += s1;
        acc[o2] += s2;
        return compact ? at : n;
    }

    @Override
    public int levelChain(double[] e, double[] cos, int n, double c, double lambda, double[] acc, int o1, int o2, int o4, int o8,
            int o16, double eNext) {
        boolean compact = eNext != Double.POSITIVE_INFINITY;
        double s1 = 0, s2 = 0, s4 = 0, s8 = 0, s16 = 0, nc = -c;
        int at = 0;
        for (int m = 0; m < n; m++) {
            double em = e[m], cm = cos[m], w = Math.exp(em * nc);
            double b = 1 + lambda * cm, b2 = b * b, b4 = b2 * b2, b8 = b4 * b4;
            s1 += w * b;
            s2 += w * b2;
            s4 += w * b4;
            s8 += w * b8;
            s16 += w * (b8 * b8);
            if (compact && em <= eNext) {
                cos[at] = cm;
                e[at++] = em;
            }
        }
        if (o1 >= 0) acc[o1] += s1;
        if (o2 >= 0) acc[o2] += s2;
        if (o4 >= 0) acc[o4] += s4;
        if (o8 >= 0) acc[o8] += s8;
        if (o16 >= 0) acc[o16] += s16;
        return compact ? at : n;
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
    public void moments(double[] x, double[] y, double[] z, int from, int to, double[][] w, int[] lo, int[] hi,
            double[] scratch, double[][] acc) {
        int maxDegree = Monomials.degreeCovering(hi), nm = Monomials.start(maxDegree + 1);
        for (int k = from; k < to; k++) {
            Monomials.fill(x[k], y[k], z[k], maxDegree, scratch);
            for (int s = 0; s < w.length; s++) {
                double ws = w[s][k];
                double[] as = acc[s];
                for (int i = lo[s]; i < hi[s]; i++) as[i] += ws * scratch[i];
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
