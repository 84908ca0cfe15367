package org.softglass.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.Persistence;

/**
 * Q(t), χ4(t) of rearrangements ({@link Persistence}) for F = 1000 frames of N = 10 000 particles (an
 * 80 MB p_hop matrix; 5 NaN frames at each end as for h = 5), each particle rearranging with probability
 * 0.02 per frame, on the command's default grid (10 lags per decade up to 989 frames, 30 lags). Scores are
 * ns per matrix element ({@code @OperationsPerInvocation(F·N)}).
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
public class PersistenceBench extends SuiteBench {
    static final int F = 1000, N = 10_000, H = 5;

    @Param({"1", "2"})
    int threads;

    double[] phop = new double[F * N], times = new double[F];
    int[] lags;
    Parallel par;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        for (int f = 0; f < F; f++) {
            times[f] = f;
            for (int i = 0; i < N; i++) phop[f * N + i] = f < H || f >= F - H ? Double.NaN : r.nextDouble() < 0.02 ? 0.5 : 0.05;
        }
        lags = Persistence.logLags(F - 2 * H - 1, 10);
        par = new Parallel(threads);
    }

    @TearDown
    public void tearDown() { par.close(); }

    @Benchmark
    @OperationsPerInvocation(F * N)
    public Persistence.Result compute() {
        return Persistence.compute(phop, F, N, times, Persistence.DEFAULT_PC, null, lags, par);
    }
}
