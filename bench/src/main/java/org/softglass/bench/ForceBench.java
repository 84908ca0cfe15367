package org.softglass.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Models;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.simd.PairKernel;
import org.softglass.core.simd.PairKernels;

/**
 * KA force evaluation, N = 10 000, ρ = 1.2, Verlet list of radius 2.8 (as in MD with skin 0.3):
 * HALF (Newton's third law, what MD uses) or FULL (what the minimiser uses), forces only (the MD
 * step) and forces + per-atom energies + virial. Scores are ns per particle.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ForceBench extends SystemBench {
    @Param({"simd", "scalar"})
    String kernel;

    @Param({"HALF", "FULL"})
    NeighborList.Kind kind;

    NeighborList list;
    Parallel parallel;
    ForceCompute fc;
    double[] perAtom;

    @Setup
    public void setup() {
        own(KaSystems.lattice(N, 1.2, 1));
        try (NeighborListBuilder builder = new NeighborListBuilder(box, 2.8, 1)) {
            list = builder.build(p, kind);
        }
        parallel = new Parallel(threads);
        PairKernel k = kernel.equals("simd") ? PairKernels.panama() : PairKernels.scalar();
        fc = new ForceCompute(Models.ka(), parallel, k);
        perAtom = new double[N];
    }

    @TearDown
    public void tearDown() {
        list.close();
        parallel.close();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void forces() {
        fc.forces(p, box, list);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double forcesEnergyVirial() {
        return fc.compute(p, box, list, perAtom).energy();
    }
}
