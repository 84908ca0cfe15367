package org.softglass.core.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector-API implementation of {@link TripletKernel}: one triplet per lane, L = {@link PanamaSupport#DOUBLE}
 * lanes per step, the bond quantities of each lane gathered by the bond indices te[t], tf[t] (hardware
 * gathers, whole vectors only: the list is padded to a multiple of L with copies of its last triplet,
 * whose results are ignored). Every lane evaluates the expressions of {@link ScalarTripletKernel} with the
 * same operands in the same order (products are commutative in IEEE arithmetic, so {@code x.mul(s)} is
 * {@code s * x}), without fused multiply-adds: the results equal the scalar kernel's bit for bit. There
 * is no reduction across lanes here; the caller sums the per-triplet results in its own fixed order.
 *
 * <p>Imports {@code jdk.incubator.vector}: reached only through {@link TripletKernels} (reflectively, see
 * {@link Simd}) or by code that knows the module is present (tests, benchmarks).
 */
public final class PanamaTripletKernel implements TripletKernel {
    public static final PanamaTripletKernel INSTANCE = new PanamaTripletKernel();
    private static final VectorSpecies<Double> S = PanamaSupport.DOUBLE;
    private static final int L = S.length();

    private PanamaTripletKernel() {}

    @Override
    public void evaluate(double lambdaEps, double cosTheta0, TripletBonds b, TripletBatch o) {
        int n = o.size();
        if (n == 0) return;
        o.pad((n + L - 1) / L * L);
        int[] te = o.te, tf = o.tf;
        double[] nx = b.nx, ny = b.ny, nz = b.nz, ir = b.ir, ex = b.ex, ed = b.ed;
        double twoLambdaEps = 2.0 * lambdaEps;
        for (int t = 0; t < n; t += L) {
            DoubleVector n1x = DoubleVector.fromArray(S, nx, 0, te, t), n1y = DoubleVector.fromArray(S, ny, 0, te, t);
            DoubleVector n1z = DoubleVector.fromArray(S, nz, 0, te, t), ir1 = DoubleVector.fromArray(S, ir, 0, te, t);
            DoubleVector e0 = DoubleVector.fromArray(S, ex, 0, te, t), e1 = DoubleVector.fromArray(S, ed, 0, te, t);
            DoubleVector n2x = DoubleVector.fromArray(S, nx, 0, tf, t), n2y = DoubleVector.fromArray(S, ny, 0, tf, t);
            DoubleVector n2z = DoubleVector.fromArray(S, nz, 0, tf, t), ir2 = DoubleVector.fromArray(S, ir, 0, tf, t);
            DoubleVector e3 = DoubleVector.fromArray(S, ex, 0, tf, t), e4 = DoubleVector.fromArray(S, ed, 0, tf, t);
            DoubleVector c = n1x.mul(n2x).add(n1y.mul(n2y)).add(n1z.mul(n2z)), u = c.sub(cosTheta0);
            DoubleVector ee = e0.mul(e3);
            DoubleVector luu = u.mul(lambdaEps).mul(u);                  // λε·u·u
            DoubleVector hr1 = luu.mul(e1).mul(e3), hr2 = luu.mul(e0).mul(e4), hc = u.mul(twoLambdaEps).mul(ee);
            luu.mul(ee).intoArray(o.h, t);
            hr1.mul(n1x).add(hc.mul(n2x.sub(c.mul(n1x))).mul(ir1)).intoArray(o.g1x, t);
            hr1.mul(n1y).add(hc.mul(n2y.sub(c.mul(n1y))).mul(ir1)).intoArray(o.g1y, t);
            hr1.mul(n1z).add(hc.mul(n2z.sub(c.mul(n1z))).mul(ir1)).intoArray(o.g1z, t);
            hr2.mul(n2x).add(hc.mul(n1x.sub(c.mul(n2x))).mul(ir2)).intoArray(o.g2x, t);
            hr2.mul(n2y).add(hc.mul(n1y.sub(c.mul(n2y))).mul(ir2)).intoArray(o.g2y, t);
            hr2.mul(n2z).add(hc.mul(n1z.sub(c.mul(n2z))).mul(ir2)).intoArray(o.g2z, t);
        }
    }
}
