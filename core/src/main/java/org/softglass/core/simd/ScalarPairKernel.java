package org.softglass.core.simd;

/** The scalar reference implementation of {@link PairKernel}; always available. */
public final class ScalarPairKernel implements PairKernel {
    public static final ScalarPairKernel INSTANCE = new ScalarPairKernel();

    private ScalarPairKernel() {}

    @Override
    public int padded(int n) { return n; }

    @Override
    public void accumulate(PairParams p, double[] dx, double[] dy, double[] dz, int n, boolean energy, double[] acc) {
        double fx = 0, fy = 0, fz = 0, u = 0, w = 0;
        for (int k = 0; k < n; k++) {
            double r2 = dx[k] * dx[k] + dy[k] * dy[k] + dz[k] * dz[k];
            if (!(r2 < p.rc2())) continue;
            double fr = p.forceOverR(r2);
            fx += fr * dx[k];
            fy += fr * dy[k];
            fz += fr * dz[k];
            if (energy) {
                u += p.energy(r2);
                w += r2 * fr;
            }
        }
        acc[0] += fx;
        acc[1] += fy;
        acc[2] += fz;
        if (energy) {
            acc[3] += u;
            acc[4] += w;
        }
    }
}
