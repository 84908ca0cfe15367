package org.softglass.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.softglass.core.elastic.Hessian;
import org.softglass.core.energy.Models;

/**
 * Hessian assembly cost and memory at N = 10⁴ and 10⁵ (KA, ρ = 1.2) on the jittered-lattice
 * configurations of {@link KaSystems#lattice}: not minima, but with the liquid's neighbour counts, which
 * is all the assembly cost and the memory depend on. Setup prints the stored blocks and
 * {@link Hessian#memoryBytes()}. Score: ms per assembly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx6g"})
public class HessianAssemblyBench extends SystemBench {
    @Param({"10000", "100000"})
    int n;

    @Setup
    public void setup() {
        own(KaSystems.lattice(n, 1.2, 1));
        try (Hessian h = Hessian.assemble(p, box, Models.ka(), threads)) {
            System.out.printf("%nN=%d: %d stored blocks (%.1f per particle), memory %.1f MB%n", n, h.entries(),
                    h.entries() / (double) n, h.memoryBytes() / 1e6);
        }
    }

    @Benchmark
    public int assemble() {
        try (Hessian h = Hessian.assemble(p, box, Models.ka(), threads)) {
            return h.entries();
        }
    }
}
