package org.softglass.core.simd;

/** The scalar reference implementation of {@link PairKernel}; always available. */
public final class ScalarPairKernel implements PairKernel {
    public static final ScalarPairKernel INSTANCE = new ScalarPairKernel();

    private ScalarPairKernel() {}

    @Override
    public int padded(int n) { return n; }

    @Override
    public void accumulate(PairRow row, double xi, double yi, double zi, double[] xj, double[] yj, double[] zj, double[] sj,
                           int n, PeriodicLengths b, boolean energy, double[] acc, boolean pairsOut) {
        double fx = 0, fy = 0, fz = 0, u = 0, w = 0;
        for (int k = 0; k < n; k++) {
            double dx = xi - xj[k], dy = yi - yj[k], dz = zi - zj[k];
            dx -= b.lx() * Math.rint(dx * b.ilx());
            dy -= b.ly() * Math.rint(dy * b.ily());
            dz -= b.lz() * Math.rint(dz * b.ilz());
            double r2 = dx * dx + dy * dy + dz * dz;
            PairParams p = row.bySpecies[(int) sj[k]];
            boolean in = r2 < p.rc2();
            double fr = in ? p.forceOverR(r2) : 0.0;
            fx += fr * dx;
            fy += fr * dy;
            fz += fr * dz;
            double e = 0;
            if (energy && in) {
                e = p.energy(r2);
                u += e;
                w += r2 * fr;
            }
            if (pairsOut) {
                xj[k] = fr * dx;
                yj[k] = fr * dy;
                zj[k] = fr * dz;
                if (energy) sj[k] = e;
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
