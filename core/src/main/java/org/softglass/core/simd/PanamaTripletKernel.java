package org.softglass.core.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector-API implementation of {@link TripletKernel}: for each centre and each of its bonds e, the
 * triplets (e, f) with f = e+1 … run L = {@link PanamaSupport#DOUBLE} lanes at a time, bond e's quantities
 * broadcast and bond f's loaded contiguously from the bond arrays (no gathers), the results stored
 * contiguously at the triplet positions. The last vector of each e may cover bonds past the centre's row:
 * those lanes read the following entries (within the {@link TripletBatch#SLACK} the bond arrays must
 * allow) and their results land on positions that the next vector overwrites, or in the batch's slack.
 * Bond e's broadcasts are made inside the inner loop on purpose: hoisted out of it (vectors live across
 * the loop, which C2 handles badly, as noted in {@link PanamaPairKernel}) the SW force evaluation ran
 * slower than even with hardware gathers of both bonds from a flat triplet list, which in turn ran ≈ 20 %
 * slower than this loop (bench/RESULTS.md, 2026-12-04).
 * Every lane evaluates the expressions of {@link ScalarTripletKernel} with the same operands in the same
 * order (products are commutative in IEEE arithmetic, so {@code x.mul(s)} is {@code s * x}), without fused
 * multiply-adds: the results equal the scalar kernel's bit for bit. There is no reduction across lanes here;
 * the caller sums the per-triplet results in its own fixed order.
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
    public void evaluate(double lambdaEps, double cosTheta0, TripletBonds b, int[] start, int from, int to, TripletBatch o) {
        double[] nx = b.nx, ny = b.ny, nz = b.nz, ir = b.ir, ex = b.ex, ed = b.ed;
        double[] oh = o.h, o1x = o.g1x, o1y = o.g1y, o1z = o.g1z, o2x = o.g2x, o2y = o.g2y, o2z = o.g2z;
        double twoLambdaEps = 2.0 * lambdaEps;
        int t = 0;
        for (int i = from; i < to; i++) {
            int s1 = start[i + 1];
            for (int e = start[i]; e < s1 - 1; e++) {
                double sx = nx[e], sy = ny[e], sz = nz[e], si = ir[e], s0 = ex[e], sd = ed[e];
                int len = s1 - e - 1;
                for (int k = 0; k < len; k += L) {
                    int f = e + 1 + k, q = t + k;
                    DoubleVector n1x = DoubleVector.broadcast(S, sx), n1y = DoubleVector.broadcast(S, sy);
                    DoubleVector n1z = DoubleVector.broadcast(S, sz), ir1 = DoubleVector.broadcast(S, si);
                    DoubleVector e0 = DoubleVector.broadcast(S, s0), e1 = DoubleVector.broadcast(S, sd);
                    DoubleVector n2x = DoubleVector.fromArray(S, nx, f), n2y = DoubleVector.fromArray(S, ny, f);
                    DoubleVector n2z = DoubleVector.fromArray(S, nz, f), ir2 = DoubleVector.fromArray(S, ir, f);
                    DoubleVector e3 = DoubleVector.fromArray(S, ex, f), e4 = DoubleVector.fromArray(S, ed, f);
                    DoubleVector c = n1x.mul(n2x).add(n1y.mul(n2y)).add(n1z.mul(n2z)), u = c.sub(cosTheta0);
                    DoubleVector ee = e0.mul(e3);
                    DoubleVector luu = u.mul(lambdaEps).mul(u);                  // λε·u·u
                    DoubleVector hr1 = luu.mul(e1).mul(e3), hr2 = luu.mul(e0).mul(e4), hc = u.mul(twoLambdaEps).mul(ee);
                    luu.mul(ee).intoArray(oh, q);
                    hr1.mul(n1x).add(hc.mul(n2x.sub(c.mul(n1x))).mul(ir1)).intoArray(o1x, q);
                    hr1.mul(n1y).add(hc.mul(n2y.sub(c.mul(n1y))).mul(ir1)).intoArray(o1y, q);
                    hr1.mul(n1z).add(hc.mul(n2z.sub(c.mul(n1z))).mul(ir1)).intoArray(o1z, q);
                    hr2.mul(n2x).add(hc.mul(n1x.sub(c.mul(n2x))).mul(ir2)).intoArray(o2x, q);
                    hr2.mul(n2y).add(hc.mul(n1y.sub(c.mul(n2y))).mul(ir2)).intoArray(o2y, q);
                    hr2.mul(n2z).add(hc.mul(n1z.sub(c.mul(n2z))).mul(ir2)).intoArray(o2z, q);
                }
                t += len;
            }
        }
    }
}
