package org.softglass.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;

/**
 * Neighbour-list build for KA, N = 10 000, ρ = 1.2, list radius 2.8 (cutoff 2.5 + skin 0.3).
 * Scores are ns per particle ({@code @OperationsPerInvocation(N)}).
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NeighborListBench extends SuiteBench {
    static final int N = 10_000;

    @Param({"1", "2"})
    int threads;

    @Param({"FULL", "HALF"})
    NeighborList.Kind kind;

    ParticleStore p;
    NeighborListBuilder builder;

    @Setup
    public void setup() {
        KaSystems.Config c = KaSystems.lattice(N, 1.2, 1);
        p = c.particles();
        builder = new NeighborListBuilder(c.box(), 2.8, threads);
    }

    @TearDown
    public void tearDown() {
        builder.close();
        p.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long build() {
        try (NeighborList nl = builder.build(p, kind)) {
            return nl.entries();
        }
    }
}
