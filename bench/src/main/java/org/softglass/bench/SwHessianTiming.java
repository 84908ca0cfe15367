package org.softglass.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.softglass.core.elastic.DipoleStiffness;
import org.softglass.core.elastic.Hessian;
import org.softglass.core.elastic.HessianCg;
import org.softglass.core.elastic.ShearModulus;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.Frame;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.simd.Simd;

/**
 * Cost of the Stillinger–Weber Hessian's three-body part on one thread: the assembly ({@code Hessian.assemble}, pair
 * and three-body blocks), the product y = M x ({@code multiplyScalar}: scalar pair and triplet kernels;
 * {@code multiplySimd}: Vector-API pair and triplet kernels, or the scalar triplet loop before the triplet kernels),
 * {@code multiplySerial} (the kernels of this JVM: {@code -Dsoftglass.simd.hessianTriplets=vector|scalar}), the
 * blocked product of {@link DipoleStiffness#BATCH} vectors ({@code multiplyMany}, the κ solves' product, kernels of
 * this JVM), one blocked κ solve of BATCH dipoles ({@link HessianCg#solveMany}, relative residual 1e-8) and one
 * shear-modulus solve ({@link ShearModulus#compute} with {@code multiplySerial}, relative residual 1e-8).
 *
 * <p>Configuration: the last frame of a dump (paper 004's SW glass, N = 8000), quenched once (cg+fire to
 * |F|₂ ≤ 1e-8·√N, one thread) and cached as npy (columns x y z species) at the path given. After {@code warm}
 * untimed calls, {@code rounds} rounds of {@code calls} calls are timed in process CPU time (all JVM threads: JIT
 * and GC included) and thread CPU time; prints the median and range per call of both, and a checksum.
 * Uses only API that existed before the triplet kernels, so it also runs against an older commit's compiled core
 * classes put first on the class path.
 * Usage: {@code bin/java25 --add-modules jdk.incubator.vector [-Dsoftglass.simd.hessianTriplets=vector] -cp
 * bench/target/benchmarks.jar org.softglass.bench.SwHessianTiming DUMP CACHE.npy assemble|scalar|simd|serial|many|kappa|shear warm rounds calls}
 */
public final class SwHessianTiming {
    private SwHessianTiming() {}

    public static void main(String[] args) throws Exception {
        Path dump = Path.of(args[0]), cache = Path.of(args[1]);
        String mode = args[2];
        int warm = Integer.parseInt(args[3]), rounds = Integer.parseInt(args[4]), calls = Integer.parseInt(args[5]);
        PairPotential sw = Models.sw();
        Frame frame = LastFrame.read(dump);
        ParticleStore p = frame.particles();
        int n = p.size();
        if (Files.exists(cache)) {
            double[] v = NpyReader.read(cache).doubles();
            for (int i = 0; i < n; i++) p.setPosition(i, v[4 * i], v[4 * i + 1], v[4 * i + 2]);
        } else {
            Minimizer.quench(p, frame.box(), sw, MinimizeOptions.defaults().withFtol(1e-8 * Math.sqrt(n)).withThreads(1));
            try (NpyWriter w = NpyWriter.open(cache, NpyDType.FLOAT64, n, 4)) {
                for (int i = 0; i < n; i++) w.writeRow(new double[] {p.x(i), p.y(i), p.z(i), p.species(i)});
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var mx = ManagementFactory.getThreadMXBean();
        try (Hessian h = Hessian.assemble(p, frame.box(), sw, 1)) {
            int m = h.dimension(), nr = DipoleStiffness.BATCH;
            SplittableRandom rnd = new SplittableRandom(1);
            double[] x = new double[m], y = new double[m], xb = new double[m * nr], yb = new double[m * nr];
            for (int k = 0; k < m; k++) x[k] = rnd.nextGaussian();
            for (int k = 0; k < xb.length; k++) xb[k] = rnd.nextGaussian();
            int[][] pairs = DipoleStiffness.randomPairs(h, nr, 7);
            double[][] batch = new double[nr][];
            for (int k = 0; k < nr; k++) batch[k] = DipoleStiffness.dipole(h, pairs[k][0], pairs[k][1]);
            double[] check = new double[1];
            Runnable op = switch (mode) {
                case "assemble" -> () -> {
                    try (Hessian a = Hessian.assemble(p, frame.box(), sw, 1)) {
                        check[0] += a.tripletBlockCount();
                    }
                };
                case "scalar" -> () -> h.multiplyScalar(x, y);
                case "simd" -> () -> h.multiplySimd(x, y);
                case "serial" -> () -> h.multiplySerial(x, y);
                case "many" -> () -> h.multiplyMany(xb, yb, nr);
                case "kappa" -> () -> {
                    HessianCg.Result[] r = HessianCg.solveMany(h, batch, 1e-8, 100_000, true);
                    check[0] += r[0].iterations() + DipoleStiffness.kappa(batch[0], r[0].solution());
                };
                case "shear" -> () -> check[0] += ShearModulus.compute(h, 1e-8, 100_000, h::multiplySerial).modulus();
                default -> throw new IllegalArgumentException("mode must be assemble|scalar|simd|serial|many|kappa|shear, got " + mode);
            };
            for (int c = 0; c < warm; c++) op.run();
            double[] proc = new double[rounds], thr = new double[rounds];
            for (int k = 0; k < rounds; k++) {
                long p0 = os.getProcessCpuTime(), t0 = mx.getCurrentThreadCpuTime();
                for (int c = 0; c < calls; c++) op.run();
                proc[k] = (os.getProcessCpuTime() - p0) * 1e-6 / calls;
                thr[k] = (mx.getCurrentThreadCpuTime() - t0) * 1e-6 / calls;
            }
            double sum = check[0];
            for (double v : y) sum += Math.abs(v);
            for (double v : yb) sum += Math.abs(v);
            Arrays.sort(proc);
            Arrays.sort(thr);
            System.out.printf(Locale.ROOT, "N=%d %s hessianTriplets=%s blocks=%d: process CPU median %.3f ms/call (min %.3f, max %.3f),"
                            + " thread CPU median %.3f ms (min %.3f, max %.3f); %d rounds of %d; check=%.12e [%s]%n",
                    n, mode, System.getProperty("softglass.simd.hessianTriplets", "default"), h.tripletBlockCount(), proc[rounds / 2], proc[0],
                    proc[rounds - 1], thr[rounds / 2], thr[0], thr[rounds - 1], rounds, calls, sum, Simd.describe());
        }
        frame.close();
    }
}
