package org.softglass.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.softglass.core.trsp.TrspDynamics;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.TrspPresets;
import org.softglass.core.trsp.WindowedKick;

/**
 * TRSP Gillespie events per second on one core (issue 7): ka-002 preset, m = 4 plaquettes, the
 * lowest temperature of 002 (T = 0.42), windowed kicks with tolerance {@code tol}; the score is ns per
 * event ({@code @OperationsPerInvocation}), events/s = 1e9 / score. The state is equilibrated for
 * 20 000 events before measuring.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class TrspBench {
    static final int EVENTS = 2000;

    @Param({"20", "64"})
    int side;

    @Param({"1e-2"})
    double tol;

    TrspDynamics dynamics;
    final TrspDynamics.Observer none = new TrspDynamics.Observer() {};

    @Setup(Level.Trial)
    public void setUp() {
        TrspModel m = TrspModel.of(TrspPresets.ka002(), 0.42, side, 4, 1.0);
        List<WindowedKick> kicks = TrspEnsemble.kicks(m, tol);
        double[] s = new double[m.lattice().sites()];
        m.covariance().sample(m.mu(), new SplittableRandom(1), s);
        dynamics = new TrspDynamics(m, kicks, s, 2);
        dynamics.runEvents(20000, none);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public double events() {
        dynamics.runEvents(EVENTS, none);
        return dynamics.time();
    }
}
