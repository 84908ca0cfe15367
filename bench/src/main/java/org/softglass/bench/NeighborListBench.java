package org.softglass.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;

/**
 * Neighbour-list build for KA, N = 10 000, ρ = 1.2, list radius 2.8 (cutoff 2.5 + skin 0.3).
 * Scores are ns per particle ({@code @OperationsPerInvocation(N)}).
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NeighborListBench extends SystemBench {
    @Param({"FULL", "HALF"})
    NeighborList.Kind kind;

    NeighborListBuilder builder;

    @Setup
    public void setup() {
        own(KaSystems.lattice(N, 1.2, 1));
        builder = new NeighborListBuilder(box, 2.8, threads);
    }

    @TearDown
    public void tearDown() {
        builder.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long build() {
        try (NeighborList nl = builder.build(p, kind)) {
            return nl.entries();
        }
    }
}
