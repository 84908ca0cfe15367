package org.softglass.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.softglass.core.elastic.DipoleStiffness;
import org.softglass.core.elastic.Hessian;
import org.softglass.core.elastic.HessianCg;
import org.softglass.core.energy.Models;
import org.softglass.core.io.NpyArray;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyReader;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * Sparse Hessian of a KA inherent structure, N = 10 000, ρ = 1.2 (quenched once from
 * {@link KaSystems#lattice} with cg+fire to |F|₂ ≤ 1e-10·√N and cached as
 * {@code bench/target/ka_is_N10000.npy}, columns x y z species): the product y = M x (parallel over
 * rows with the default kernel; SIMD and scalar kernels on one thread), the assembly, one full
 * dipole-stiffness solve κ_ij (projected CG to relative residual 1e-10, parallel products) and a
 * blocked solve of 8 dipoles at once.
 * Scores: µs per operation.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HessianBench extends SystemBench {
    Hessian h;
    double[] x, y, dipole;
    double[][] batch;

    @Setup
    public void setup() throws IOException {
        own(inherentStructure());
        h = Hessian.assemble(p, box, Models.ka(), threads);
        h.requireMinimum(1e-6);
        SplittableRandom rnd = new SplittableRandom(1);
        x = new double[h.dimension()];
        y = new double[h.dimension()];
        for (int k = 0; k < x.length; k++) x[k] = rnd.nextGaussian();
        int[][] pair = DipoleStiffness.randomPairs(h, 1, 7);
        dipole = DipoleStiffness.dipole(h, pair[0][0], pair[0][1]);
        int[][] pairs = DipoleStiffness.randomPairs(h, DipoleStiffness.BATCH, 7);
        batch = new double[pairs.length][];
        for (int k = 0; k < pairs.length; k++) batch[k] = DipoleStiffness.dipole(h, pairs[k][0], pairs[k][1]);
    }

    /** The cached KA IS and its box, made on first use. */
    static KaSystems.Config inherentStructure() throws IOException {
        Path cache = Path.of("bench", "target", "ka_is_N" + N + ".npy");
        if (!Files.exists(cache.getParent())) cache = Path.of("target", "ka_is_N" + N + ".npy");
        Box box = Box.cubicForDensity(N, 1.2);
        if (Files.exists(cache)) {
            NpyArray a = NpyReader.read(cache);
            double[] v = a.doubles();
            ParticleStore p = ParticleStore.allocate(N);
            for (int i = 0; i < N; i++) {
                p.setPosition(i, v[4 * i], v[4 * i + 1], v[4 * i + 2]);
                p.setSpecies(i, (int) v[4 * i + 3]);
            }
            return new KaSystems.Config(p, box);
        }
        ParticleStore p = KaSystems.lattice(N, 1.2, 1).particles();
        Minimizer.quench(p, box, Models.ka(), MinimizeOptions.defaults().withFtol(1e-10 * Math.sqrt(N)).withThreads(2));
        Files.createDirectories(cache.toAbsolutePath().getParent());
        try (NpyWriter w = NpyWriter.open(cache, NpyDType.FLOAT64, N, 4)) {
            for (int i = 0; i < N; i++) w.writeRow(new double[] {p.x(i), p.y(i), p.z(i), p.species(i)});
        }
        return new KaSystems.Config(p, box);
    }

    @TearDown
    public void tearDown() {
        h.close();
    }

    /** y = M x, rows in parallel on {@code threads} workers, default kernel (SIMD where available). */
    @Benchmark
    public double matvec() {
        h.multiply(x, y);
        return y[0];
    }

    /** y = M x, Vector-API kernel, calling thread only (independent of {@code threads}). */
    @Benchmark
    public double matvecSimdSerial() {
        h.multiplySimd(x, y);
        return y[0];
    }

    /** y = M x, scalar kernel, calling thread only (independent of {@code threads}). */
    @Benchmark
    public double matvecScalarSerial() {
        h.multiplyScalar(x, y);
        return y[0];
    }

    /** One κ_ij: projected CG on M z = d̂ to relative residual 1e-10, then κ = d̂·z/z·z. */
    @Benchmark
    public double kappaSolve() {
        HessianCg.Result r = HessianCg.solve(h::multiply, dipole, 1e-10, 100_000);
        return DipoleStiffness.kappa(dipole, r.solution());
    }

    /**
     * {@link DipoleStiffness#BATCH} κ_ij together: blocked CG (one matrix pass per iteration for all),
     * calling thread only (independent of {@code threads}); compare with BATCH × {@link #kappaSolve}.
     */
    @Benchmark
    public double kappaBatchSerial() {
        HessianCg.Result[] r = HessianCg.solveMany(h, batch, 1e-10, 100_000);
        return DipoleStiffness.kappa(batch[0], r[0].solution());
    }

    /** Assembly from positions (neighbour list, blocks, forces, energy) on {@code threads} workers. */
    @Benchmark
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public int assemble() {
        try (Hessian a = Hessian.assemble(p, box, Models.ka(), threads)) {
            return a.entries();
        }
    }
}
