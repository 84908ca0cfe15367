package org.softglass.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.softglass.core.correlate.SoftnessCorrelation;
import org.softglass.core.softness.Hyperplane;
import org.softglass.core.softness.LinearSvm;
import org.softglass.core.softness.SoftnessModel;
import org.softglass.core.softness.Standardization;
import org.softglass.core.space.Box;

/**
 * Softness analysis costs: liblinear training (primal vs dual) on a 20 000 × 166 planted set (the
 * size of a KA training set with the ka-166 descriptor preset), applying a model (ns per row), and one
 * frame of C_S(r) by brute-force pairs (N = 4000, ms per frame).
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SoftnessBench extends SuiteBench {
    static final int N = 20_000, M = 166, ROWS = 100_000, PARTICLES = 4000;

    @Param({"PRIMAL", "DUAL"})
    LinearSvm.Solver solver;

    double[][] z;
    int[] y;
    double[][] rows;
    SoftnessModel model;
    double[] px, py, pz, s;
    Box box;

    @Setup
    public void setup() {
        Random rnd = new Random(1);
        double[] u = new double[M];
        for (int j = 0; j < M; j++) u[j] = rnd.nextGaussian() / Math.sqrt(M);
        z = new double[N][M];
        y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = i % 2;
            for (int j = 0; j < M; j++) z[i][j] = rnd.nextGaussian() + (y[i] == 1 ? 0.8 : -0.8) * u[j];
        }
        rows = new double[ROWS][M];
        for (double[] r : rows) for (int j = 0; j < M; j++) r[j] = rnd.nextGaussian();
        List<Map<String, Object>> cols = new ArrayList<>();
        for (int j = 0; j < M; j++) cols.add(Map.of("name", "f" + j));
        double[] mean = new double[M], std = new double[M];
        java.util.Arrays.fill(std, 1.0);
        model = new SoftnessModel(new Hyperplane(u, 0.1), new Standardization(mean, std), cols, Map.of());
        double l = Math.cbrt(PARTICLES / 1.2);
        box = Box.cubic(l);
        px = new double[PARTICLES]; py = new double[PARTICLES]; pz = new double[PARTICLES]; s = new double[PARTICLES];
        for (int i = 0; i < PARTICLES; i++) { px[i] = l * rnd.nextDouble(); py[i] = l * rnd.nextDouble(); pz[i] = l * rnd.nextDouble(); s[i] = rnd.nextGaussian(); }
    }

    /** One liblinear fit (eps 1e-4, C = 1), milliseconds. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Hyperplane train() {
        return LinearSvm.train(z, y, 1.0, solver, 1e-4, 1);
    }

    /** S of 100 000 rows of 166 features; ns per row. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(ROWS)
    public double apply() {
        double[] zz = new double[M];
        double acc = 0;
        for (double[] r : rows) acc += model.softness(r, zz);
        return acc;
    }

    /** C_S(r) of one frame of 4000 particles to r = 5; milliseconds. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SoftnessCorrelation.Result correlation() {
        SoftnessCorrelation c = new SoftnessCorrelation(5, 0.1, 0);
        c.add(box, px, py, pz, s);
        return c.result();
    }
}
