package org.softglass.core.simd;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The scalar reference implementation of {@link DistanceKernel}; always available. Stateless. */
public final class ScalarDistanceKernel implements DistanceKernel {
    /** The shared instance. */
    public static final ScalarDistanceKernel INSTANCE = new ScalarDistanceKernel();

    private ScalarDistanceKernel() {}

    @Override
    public int collectWithin(double px, double py, double pz, double[] xs, double[] ys, double[] zs, int from, int to,
            PeriodicLengths box, double r2max, int[] out, int outPos) {
        double lx = box.lx(), ly = box.ly(), lz = box.lz(), ilx = box.ilx(), ily = box.ily(), ilz = box.ilz();
        for (int k = from; k < to; k++) {
            double dx = px - xs[k], dy = py - ys[k], dz = pz - zs[k];
            dx -= lx * Math.rint(dx * ilx);
            dy -= ly * Math.rint(dy * ily);
            dz -= lz * Math.rint(dz * ilz);
            double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 < r2max) out[outPos++] = k;
        }
        return outPos;
    }

    @Override
    public int collectWithinDirect(double px, double py, double pz, double[] xs, double[] ys, double[] zs, int from, int to,
            double r2max, int[] out, int outPos) {
        for (int k = from; k < to; k++) {
            double dx = px - xs[k], dy = py - ys[k], dz = pz - zs[k];
            double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 < r2max) out[outPos++] = k;
        }
        return outPos;
    }

    @Override
    public int collectWithinRadii(double px, double py, double pz, double[] xs, double[] ys, double[] zs, double[] r2max,
            int from, int to, int[] out, int outPos) {
        for (int k = from; k < to; k++) {
            double dx = px - xs[k], dy = py - ys[k], dz = pz - zs[k];
            double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 < r2max[k]) out[outPos++] = k;
        }
        return outPos;
    }

    @Override
    public double maxDisplacementSquared(MemorySegment x, MemorySegment y, MemorySegment z,
            double[] refX, double[] refY, double[] refZ, int n, PeriodicLengths box) {
        return maxDisplacementSquared(x, y, z, refX, refY, refZ, 0, n, box, 0);
    }

    /**
     * max(start, max over i in [from, n) of |x_i − ref_i|²), minimum image, in index order: the whole scalar kernel
     * (from = 0, start = 0), and the tail of the Vector-API one after its lanes (start = their maximum).
     */
    static double maxDisplacementSquared(MemorySegment x, MemorySegment y, MemorySegment z,
            double[] refX, double[] refY, double[] refZ, int from, int n, PeriodicLengths box, double start) {
        double lx = box.lx(), ly = box.ly(), lz = box.lz(), ilx = box.ilx(), ily = box.ily(), ilz = box.ilz();
        double max = start;
        for (int i = from; i < n; i++) {
            double dx = x.getAtIndex(ValueLayout.JAVA_DOUBLE, i) - refX[i];
            double dy = y.getAtIndex(ValueLayout.JAVA_DOUBLE, i) - refY[i];
            double dz = z.getAtIndex(ValueLayout.JAVA_DOUBLE, i) - refZ[i];
            dx -= lx * Math.rint(dx * ilx);
            dy -= ly * Math.rint(dy * ily);
            dz -= lz * Math.rint(dz * ilz);
            max = Math.max(max, dx * dx + dy * dy + dz * dz);
        }
        return max;
    }

    @Override
    public String name() { return "scalar"; }
}
