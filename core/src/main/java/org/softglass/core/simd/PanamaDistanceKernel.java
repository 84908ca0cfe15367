package org.softglass.core.simd;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector-API implementation of {@link DistanceKernel} on {@link DoubleVector#SPECIES_PREFERRED}
 * (8 lanes with AVX-512), with a scalar tail that runs the scalar kernel's code.
 *
 * <p>The Vector API has no rint, so rounding uses the classic exact trick
 * {@code rint(t) = (t + 1.5·2^52) - 1.5·2^52}, which equals {@link Math#rint} (round half to even)
 * for {@code |t| < 2^51} in IEEE double arithmetic; Java forbids reassociating it away. Every other
 * operation is the scalar kernel's, in the same order, so results are identical bit for bit (the
 * only possible difference is the sign of a zero component, which squares away). Stateless.
 *
 * <p>Imports {@code jdk.incubator.vector}: reached only through {@link DistanceKernels} (reflectively,
 * see {@link Simd}) or by code that knows the module is present (tests, benchmarks).
 */
public final class PanamaDistanceKernel implements DistanceKernel {
    /** The shared instance. */
    public static final PanamaDistanceKernel INSTANCE = new PanamaDistanceKernel();

    private static final VectorSpecies<Double> S = PanamaSupport.DOUBLE;
    private static final double ROUND = 0x1.8p52;
    /** Int lanes matching the double lanes (the hit indices). */
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, VectorShape.forBitSize(S.length() * Integer.SIZE));

    private PanamaDistanceKernel() {}

    /** Lanes per vector. */
    public static int lanes() { return S.length(); }

    @Override
    public int collectWithin(double px, double py, double pz, double[] xs, double[] ys, double[] zs, int from, int to,
            PeriodicLengths box, double r2max, int[] out, int outPos) {
        int k = from;
        int upper = from + S.loopBound(to - from);
        if (k < upper) {
            DoubleVector vpx = DoubleVector.broadcast(S, px), vpy = DoubleVector.broadcast(S, py),
                    vpz = DoubleVector.broadcast(S, pz);
            DoubleVector vlx = DoubleVector.broadcast(S, box.lx()), vly = DoubleVector.broadcast(S, box.ly()),
                    vlz = DoubleVector.broadcast(S, box.lz());
            DoubleVector vilx = DoubleVector.broadcast(S, box.ilx()), vily = DoubleVector.broadcast(S, box.ily()),
                    vilz = DoubleVector.broadcast(S, box.ilz());
            DoubleVector vr2 = DoubleVector.broadcast(S, r2max);
            for (; k < upper; k += S.length()) {
                DoubleVector dx = vpx.sub(DoubleVector.fromArray(S, xs, k));
                DoubleVector dy = vpy.sub(DoubleVector.fromArray(S, ys, k));
                DoubleVector dz = vpz.sub(DoubleVector.fromArray(S, zs, k));
                dx = dx.sub(vlx.mul(dx.mul(vilx).add(ROUND).sub(ROUND)));
                dy = dy.sub(vly.mul(dy.mul(vily).add(ROUND).sub(ROUND)));
                dz = dz.sub(vlz.mul(dz.mul(vilz).add(ROUND).sub(ROUND)));
                DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
                outPos = extract(r2.compare(VectorOperators.LT, vr2), k, out, outPos);
            }
        }
        return ScalarDistanceKernel.INSTANCE.collectWithin(px, py, pz, xs, ys, zs, k, to, box, r2max, out, outPos);
    }

    @Override
    public int collectWithinDirect(double px, double py, double pz, double[] xs, double[] ys, double[] zs, int from, int to,
            double r2max, int[] out, int outPos) {
        int k = from;
        int upper = from + S.loopBound(to - from);
        if (k < upper) {
            DoubleVector vpx = DoubleVector.broadcast(S, px), vpy = DoubleVector.broadcast(S, py),
                    vpz = DoubleVector.broadcast(S, pz);
            DoubleVector vr2 = DoubleVector.broadcast(S, r2max);
            for (; k < upper; k += S.length()) {
                DoubleVector dx = vpx.sub(DoubleVector.fromArray(S, xs, k));
                DoubleVector dy = vpy.sub(DoubleVector.fromArray(S, ys, k));
                DoubleVector dz = vpz.sub(DoubleVector.fromArray(S, zs, k));
                DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
                outPos = extract(r2.compare(VectorOperators.LT, vr2), k, out, outPos);
            }
        }
        return ScalarDistanceKernel.INSTANCE.collectWithinDirect(px, py, pz, xs, ys, zs, k, to, r2max, out, outPos);
    }

    @Override
    public int collectWithinRadii(double px, double py, double pz, double[] xs, double[] ys, double[] zs, double[] r2max,
            int from, int to, int[] out, int outPos) {
        int k = from;
        int upper = from + S.loopBound(to - from);
        if (k < upper) {
            DoubleVector vpx = DoubleVector.broadcast(S, px), vpy = DoubleVector.broadcast(S, py),
                    vpz = DoubleVector.broadcast(S, pz);
            for (; k < upper; k += S.length()) {
                DoubleVector dx = vpx.sub(DoubleVector.fromArray(S, xs, k));
                DoubleVector dy = vpy.sub(DoubleVector.fromArray(S, ys, k));
                DoubleVector dz = vpz.sub(DoubleVector.fromArray(S, zs, k));
                DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
                outPos = extract(r2.compare(VectorOperators.LT, DoubleVector.fromArray(S, r2max, k)), k, out, outPos);
            }
        }
        return ScalarDistanceKernel.INSTANCE.collectWithinRadii(px, py, pz, xs, ys, zs, r2max, k, to, out, outPos);
    }

    @Override
    public double maxDisplacementSquared(MemorySegment x, MemorySegment y, MemorySegment z,
            double[] refX, double[] refY, double[] refZ, int n, PeriodicLengths box) {
        int i = 0, upper = S.loopBound(n);
        double max = 0;
        if (upper > 0) {
            DoubleVector vlx = DoubleVector.broadcast(S, box.lx()), vly = DoubleVector.broadcast(S, box.ly()),
                    vlz = DoubleVector.broadcast(S, box.lz());
            DoubleVector vilx = DoubleVector.broadcast(S, box.ilx()), vily = DoubleVector.broadcast(S, box.ily()),
                    vilz = DoubleVector.broadcast(S, box.ilz());
            // no loop-carried vector (a running vmax = vmax.max(r2) was boxed by C2 in JDK 25 and ran the
            // Java fallback, ≈ 9 % of a KA MD step, 2026-12-04): the scalar maximum is raised only when a lane exceeds it
            ByteOrder bo = ByteOrder.nativeOrder();
            for (; i < upper; i += S.length()) {
                long off = (long) i * Double.BYTES;
                DoubleVector dx = DoubleVector.fromMemorySegment(S, x, off, bo).sub(DoubleVector.fromArray(S, refX, i));
                DoubleVector dy = DoubleVector.fromMemorySegment(S, y, off, bo).sub(DoubleVector.fromArray(S, refY, i));
                DoubleVector dz = DoubleVector.fromMemorySegment(S, z, off, bo).sub(DoubleVector.fromArray(S, refZ, i));
                dx = dx.sub(vlx.mul(dx.mul(vilx).add(ROUND).sub(ROUND)));
                dy = dy.sub(vly.mul(dy.mul(vily).add(ROUND).sub(ROUND)));
                dz = dz.sub(vlz.mul(dz.mul(vilz).add(ROUND).sub(ROUND)));
                DoubleVector r2 = dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz));
                if (r2.compare(VectorOperators.LE, max).not().anyTrue()) max = Math.max(max, r2.reduceLanes(VectorOperators.MAX)); // NaN too
            }
        }
        return ScalarDistanceKernel.maxDisplacementSquared(x, y, z, refX, refY, refZ, i, n, box, max);   // the scalar tail
    }

    /**
     * Appends {@code k + b} for every lane b of {@code hit}, ascending. Where the output has room for a whole
     * vector, the lane indices k, k+1, … are packed by {@code compress} (AVX-512 {@code vpcompressd} between
     * registers) and stored as one vector, and the cursor advances by the hit count; the lanes past it are
     * overwritten by the next append or lie beyond the row. (The branch-free scalar loop this replaces, a store
     * per lane and a cursor chained through every lane, was 56 % of a KA list build, 2026-12-04.)
     */
    private static int extract(VectorMask<Double> hit, int k, int[] out, int outPos) {
        long bits = hit.toLong();
        if (outPos + S.length() <= out.length) {   // no test for "no hit": that branch would mispredict
            IntVector.broadcast(IS, k).addIndex(1).compress(VectorMask.fromLong(IS, bits)).intoArray(out, outPos);
            return outPos + Long.bitCount(bits);
        }
        while (bits != 0) {
            out[outPos++] = k + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
        }
        return outPos;
    }

    @Override
    public String name() { return "panama-" + S.vectorBitSize(); }
}
