package org.softglass.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.PhopCalculator;

/**
 * p_hop of one frame (DESIGN §4) for N = 10 000 particles with the default window t_R = 10τ at frames
 * every τ (h = 5, 11 frames in the ring buffer): the per-frame cost of {@code softglass phop} beyond
 * reading the dump. Positions are random walks. Scores are ns per particle ({@code @OperationsPerInvocation(N)}).
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PhopBench extends ThreadsBench {
    static final int N = SystemBench.N;

    PhopCalculator calc;
    Parallel par;
    double[] out = new double[N];

    @Setup
    public void setup() {
        calc = new PhopCalculator(N, 5);
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[3 * N];
        for (int k = 0; k < x.length; k++) x[k] = 20 * r.nextDouble();
        for (int f = 0; f < 11; f++) {
            for (int k = 0; k < x.length; k++) x[k] += 0.1 * (2 * r.nextDouble() - 1);
            calc.push(x);
        }
        par = new Parallel(threads);
    }

    @TearDown
    public void tearDown() { par.close(); }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] frame() {
        calc.compute(out, par);
        return out;
    }
}
