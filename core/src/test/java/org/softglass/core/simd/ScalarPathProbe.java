package org.softglass.core.simd;

import java.util.SplittableRandom;
import org.softglass.core.elastic.Hessian;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.space.Box;
import org.softglass.core.structure.DescriptorKernel;
import org.softglass.core.structure.DescriptorKernels;
import org.softglass.core.testutil.Configs;
import org.softglass.core.trsp.KickKernelProbe;

/**
 * Runs one small case of every kernel family and prints {@code describe=<Simd.describe()>} and
 * {@code checksum=<hex>} (a hash of every result's bits). {@link ScalarPathWithoutVectorModuleTest}
 * runs it in a child JVM without {@code --add-modules jdk.incubator.vector}, where the providers must
 * pick the scalar kernels, and compares the checksum with {@code checksum(true)} in its own JVM.
 */
public final class ScalarPathProbe {
    private ScalarPathProbe() {}

    public static void main(String[] args) {
        long sum = checksum(false);
        System.out.println("describe=" + Simd.describe());
        System.out.println("enabled=" + Simd.enabled());
        System.out.println("checksum=" + Long.toHexString(sum));
    }

    /**
     * The hash of KA and Stillinger–Weber forces and energies, distance-kernel hits and maximum displacement, descriptor
     * kernel outputs, Hessian products (single and blocked) and the kick kernels: with the scalar
     * kernels named explicitly if {@code scalar}, else with each family's provider ({@code get()}).
     */
    static long checksum(boolean scalar) {
        Hash h = new Hash();
        forces(scalar, h);
        distances(scalar ? DistanceKernels.scalar() : DistanceKernels.get(), h);
        descriptor(scalar ? DescriptorKernels.scalar() : DescriptorKernels.get(), h);
        hessian(scalar, h);
        for (float v : KickKernelProbe.run(scalar, 17)) h.add(Float.floatToRawIntBits(v));
        return h.value;
    }

    private static void forces(boolean scalar, Hash h) {
        int n = 120;
        Box box = Box.cubicForDensity(n, 1.2);
        try (ParticleStore p = Configs.random(n, box, 0.8, 0.8, 7); Parallel par = new Parallel(1)) {
            NeighborList nl = Configs.bruteForce(p, box, Models.ka().maxCutoff() + 0.3, NeighborList.Kind.FULL);
            double[] e = new double[n];
            ForceCompute.Result r = new ForceCompute(Models.ka(), par, scalar ? PairKernels.scalar() : PairKernels.get())
                    .compute(p, box, nl, e);
            h.add(r.energy()).add(r.virial());
            for (int i = 0; i < n; i++) h.add(p.force(i, 0)).add(p.force(i, 1)).add(p.force(i, 2)).add(e[i]);
            nl.close();
        }
        // Stillinger–Weber: the pair term and the three-body kernel family
        Box sb = Box.cubicForDensity(n, 0.52);
        try (ParticleStore p = Configs.random(n, sb, 1.0, 0.85, 7); Parallel par = new Parallel(1);
             NeighborList nl = Configs.bruteForce(p, sb, Models.sw().maxCutoff() + 0.3, NeighborList.Kind.FULL)) {
            double[] e = new double[n];
            ForceCompute.Result r = new ForceCompute(Models.sw(), par, scalar ? PairKernels.scalar() : PairKernels.get(),
                    scalar ? TripletKernels.scalar() : TripletKernels.get()).compute(p, sb, nl, e);
            h.add(r.energy()).add(r.virial());
            for (int i = 0; i < n; i++) h.add(p.force(i, 0)).add(p.force(i, 1)).add(p.force(i, 2)).add(e[i]);
        }
    }

    private static void distances(DistanceKernel k, Hash h) {
        SplittableRandom r = new SplittableRandom(3);
        PeriodicLengths box = PeriodicLengths.of(7.3, 9.1, 6.2);
        int n = 29;
        double[] xs = new double[n], ys = new double[n], zs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = r.nextDouble(0, 7.3);
            ys[i] = r.nextDouble(0, 9.1);
            zs[i] = r.nextDouble(0, 6.2);
        }
        int[] out = new int[n + 16];
        for (int rep = 0; rep < 10; rep++) {
            int m = k.collectWithin(r.nextDouble(-5, 12), r.nextDouble(0, 9), r.nextDouble(0, 6), xs, ys, zs, 1, n, box, 6.0, out, 0);
            h.add(m);
            for (int i = 0; i < m; i++) h.add(out[i]);
        }
        try (ParticleStore p = ParticleStore.allocate(n)) {
            double[] rx = new double[n], ry = new double[n], rz = new double[n];
            for (int i = 0; i < n; i++) {
                p.setPosition(i, xs[i] + r.nextDouble(-1, 1), ys[i], zs[i] - r.nextDouble(-1, 1));
                rx[i] = xs[i];
                ry[i] = ys[i];
                rz[i] = zs[i];
            }
            h.add(k.maxDisplacementSquared(p.positions(0), p.positions(1), p.positions(2), rx, ry, rz, n, box));
        }
    }

    private static void descriptor(DescriptorKernel k, Hash h) {
        SplittableRandom r = new SplittableRandom(5);
        int n = 23, cap = n + 16;
        double[] x = new double[cap], y = new double[cap], z = new double[cap], ir = new double[cap], rr = new double[cap],
                r2 = new double[cap];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-2, 2);
            y[i] = r.nextDouble(-2, 2);
            z[i] = r.nextDouble(-2, 2);
            r2[i] = x[i] * x[i] + y[i] * y[i] + z[i] * z[i];
            rr[i] = Math.sqrt(r2[i]);
            ir[i] = 1 / rr[i];
        }
        double[] e = new double[cap], cos = new double[cap], pow = new double[cap], acc = new double[64];
        int m = k.pairs(x[0], y[0], z[0], r2[0], ir[0], x, y, z, r2, ir, 1, n, 9.0, e, cos, 0);
        h.add(m);
        for (int i = 0; i < m; i++) h.add(e[i]).add(cos[i]);
        k.power(cos, 0, m, -1, 3, pow);
        for (int i = 0; i < m; i++) h.add(pow[i]);
        m = k.level(e, cos, m, 0.5, 2, pow, cos, null, null, acc, 0, 16, 0, 0, 4.0);
        h.add(m);
        for (int i = 0; i < m; i++) h.add(e[i]).add(cos[i]);
        // lane accumulators summed in ascending order, as the callers do (lane count differs by kernel)
        for (int o : new int[] {0, 16}) {
            double s = 0;
            for (int l = 0; l < k.lanes(); l++) s += acc[o + l];
            h.add(s);
        }
        h.add(k.radialSum(rr, 0, n, 1.1, 4.0));
    }

    /** KA (pair blocks) and Stillinger–Weber (pair and three-body blocks) Hessian products. */
    private static void hessian(boolean scalar, Hash h) {
        hessian(scalar, h, Models.ka(), 1.2, 0.8);
        hessian(scalar, h, Models.sw(), 0.52, 1.0);
    }

    private static void hessian(boolean scalar, Hash h, PairPotential potential, double density, double fracA) {
        int n = 200; // the assembly's neighbour list needs L > 2 × 2.5σ
        Box box = Box.cubicForDensity(n, density);
        try (ParticleStore p = Configs.random(n, box, fracA, 0.85, 11);
             Hessian m = Hessian.assemble(p, box, potential, 1)) {
            SplittableRandom r = new SplittableRandom(13);
            int nr = 4;
            double[] x = new double[3 * n * nr], y = new double[3 * n * nr], x1 = new double[3 * n], y1 = new double[3 * n];
            for (int i = 0; i < x.length; i++) x[i] = r.nextDouble(-1, 1);
            System.arraycopy(x, 0, x1, 0, x1.length);
            if (scalar) {
                m.multiplyScalar(x1, y1);
                m.multiplyManyScalar(x, y, nr);
            } else {
                m.multiplySerial(x1, y1);
                m.multiplyMany(x, y, nr);
            }
            for (double v : y1) h.add(v);
            for (double v : y) h.add(v);
        }
    }

    /** An order-dependent 64-bit hash of exact bit patterns. */
    private static final class Hash {
        long value = 1;

        Hash add(long bits) {
            value = value * 0x9E3779B97F4A7C15L + bits;
            value ^= value >>> 29;
            return this;
        }

        Hash add(double v) { return add(Double.doubleToRawLongBits(v)); }
    }
}
