package org.softglass.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorKernel;
import org.softglass.core.structure.DescriptorKernels;
import org.softglass.core.structure.DescriptorSpec;

/**
 * Descriptors ({@code ka-266}: 200 radial + 66 angular structure functions, rmax = 5, τ = 1e-12) of
 * every particle of one KA frame, N = 10 000, ρ = 1.2 ({@code bench/data/ka_N10000_T1.0.dump.gz}: an
 * NVT liquid at T = 1.0 after 5 τ at T = 2 and 5 τ at T = 1, made with {@code softglass simulate}).
 * Score: seconds per frame (single shot per iteration: one frame takes seconds).
 * Override the input with {@code -Dsoftglass.bench.frame=FILE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class DescriptorBench extends ThreadsBench {
    @Param({"panama", "scalar"})
    String kernel;

    Frame frame;
    int[] all;
    DescriptorCalculator calc;
    double[] out;

    /** The benchmark frame: the system property, else bench/data relative to the repository or the bench module. */
    static Path frameFile() {
        String p = System.getProperty("softglass.bench.frame");
        if (p != null) return Path.of(p);
        for (String c : new String[] {"bench/data/ka_N10000_T1.0.dump.gz", "data/ka_N10000_T1.0.dump.gz", "../bench/data/ka_N10000_T1.0.dump.gz"}) {
            if (Files.isReadable(Path.of(c))) return Path.of(c);
        }
        throw new IllegalStateException("benchmark frame not found: run from the repository root or set -Dsoftglass.bench.frame");
    }

    @Setup
    public void setup() throws IOException {
        frame = LammpsDumpReader.readFirst(frameFile());
        all = DescriptorCalculator.centres(frame.particles(), -1);
        DescriptorKernel k = kernel.equals("scalar") ? DescriptorKernels.scalar() : DescriptorKernels.panama();
        calc = new DescriptorCalculator(DescriptorSpec.preset("ka-266"), threads, k);
        out = new double[all.length * calc.columns()];
    }

    @TearDown
    public void tearDown() {
        calc.close();
        frame.close();
    }

    @Benchmark
    public double frame() {
        calc.compute(frame.box(), frame.particles(), all, out, 0);
        return out[out.length - 1];
    }
}
