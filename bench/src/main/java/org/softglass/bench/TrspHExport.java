package org.softglass.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.trsp.ClusterGaussian;
import org.softglass.core.trsp.ClusterShape;
import org.softglass.core.trsp.DetailedBalance;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspPresets;
import org.softglass.nativebridge.DenseArrays;
import org.softglass.nativebridge.Transpose;
import org.softglass.nativebridge.Triangle;

/**
 * Side-by-side H for bench/trsp-h-vs-scipy.sh (issue 7): builds K' and K_Δ of the ka-002 preset
 * (T = 0.45, m = 4, plaquette XY) on an L³ lattice, writes them as DIR/kprime.npy and DIR/kdelta.npy
 * (symmetric, so row- and column-major agree), computes H through native-bridge (Cholesky + dsyevr,
 * DESIGN §7) timing it, and prints one CSV line: {@code L,n,wall_seconds,cpu_seconds,residual,lambda_max} (CPU time of the calling thread, which runs OpenBLAS with 1 thread) with the
 * relative residual ‖(1 − H)² − (1 − K_Δ K'⁻¹)‖_F / ‖1 − K_Δ K'⁻¹‖_F.
 *
 * <p>Usage: {@code java ... org.softglass.bench.TrspHExport L DIR}
 */
public final class TrspHExport {
    private TrspHExport() {}

    public static void main(String[] args) throws Exception {
        int l = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        TrspModel m = TrspModel.of(TrspPresets.ka002(), 0.45, l, 4, 1.0);
        ClusterGaussian cg = new ClusterGaussian(m, ClusterShape.PLAQUETTE_XY);
        int n = m.lattice().sites();
        double[] kp = cg.kPrimeDense(), kd = cg.kDeltaDense();
        NpyWriter.write(dir.resolve("kprime.npy"), NpyDType.FLOAT64, kp);
        NpyWriter.write(dir.resolve("kdelta.npy"), NpyDType.FLOAT64, kd);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
        DetailedBalance.Result r = DetailedBalance.fromKPrime(n, kp, kd);
        double sec = (System.nanoTime() - t0) * 1e-9, cpu = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
        // M = K_Δ K'⁻¹: Mᵀ = K'⁻¹ K_Δ from the Cholesky factor of K'
        double[] chol = kp.clone(), mt = kd.clone();
        DenseArrays.dpotrf(Triangle.LOWER, n, chol, n);
        DenseArrays.dpotrs(Triangle.LOWER, n, n, chol, n, mt, n);
        double[] x = r.matrix().clone(); // X = 1 − H
        for (int k = 0; k < x.length; k++) x[k] = -x[k];
        for (int i = 0; i < n; i++) x[i + i * n] += 1;
        double[] x2 = new double[n * n];
        DenseArrays.dgemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, n, n, n, 1, x, n, x, n, 0, x2, n);
        double num = 0, den = 0;
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++) {
                double a = (i == j ? 1 : 0) - mt[j + i * n]; // (1 − M)_ij, M_ij = Mᵀ_ji
                num += Math.pow(x2[i + j * n] - a, 2);
                den += a * a;
            }
        System.out.printf(Locale.ROOT, "%d,%d,%.3f,%.3f,%.3e,%.6f%n", l, n, sec, cpu, Math.sqrt(num / den), r.lambdaMax());
    }
}
