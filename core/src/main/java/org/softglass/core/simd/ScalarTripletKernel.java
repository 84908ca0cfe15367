package org.softglass.core.simd;

/** The scalar reference implementation of {@link TripletKernel}; always available. */
public final class ScalarTripletKernel implements TripletKernel {
    public static final ScalarTripletKernel INSTANCE = new ScalarTripletKernel();

    private ScalarTripletKernel() {}

    @Override
    public void evaluate(double lambdaEps, double cosTheta0, TripletBonds b, int[] start, int from, int to, TripletBatch o) {
        int t = 0;
        for (int i = from; i < to; i++) {
            for (int e = start[i], s1 = start[i + 1]; e < s1; e++) {
                double n1x = b.nx[e], n1y = b.ny[e], n1z = b.nz[e], ir1 = b.ir[e], e0 = b.ex[e], e1 = b.ed[e];
                for (int f = e + 1; f < s1; f++, t++) {
                    double n2x = b.nx[f], n2y = b.ny[f], n2z = b.nz[f], ir2 = b.ir[f], e3 = b.ex[f], e4 = b.ed[f];
                    double c = n1x * n2x + n1y * n2y + n1z * n2z, u = c - cosTheta0;
                    double ee = e0 * e3;
                    double hr1 = lambdaEps * u * u * e1 * e3, hr2 = lambdaEps * u * u * e0 * e4, hc = 2.0 * lambdaEps * u * ee;
                    o.h[t] = lambdaEps * u * u * ee;
                    o.g1x[t] = hr1 * n1x + hc * (n2x - c * n1x) * ir1;
                    o.g1y[t] = hr1 * n1y + hc * (n2y - c * n1y) * ir1;
                    o.g1z[t] = hr1 * n1z + hc * (n2z - c * n1z) * ir1;
                    o.g2x[t] = hr2 * n2x + hc * (n1x - c * n2x) * ir2;
                    o.g2y[t] = hr2 * n2y + hc * (n1y - c * n2y) * ir2;
                    o.g2z[t] = hr2 * n2z + hc * (n1z - c * n2z) * ir2;
                }
            }
        }
    }
}
