package org.softglass.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.minimize.Report;
import org.softglass.core.particles.ParticleStore;

/**
 * Minimiser steps on KA, N = 10 000 (the T = 1.0 frame of {@code bench/data}): the first
 * {@value #ITERATIONS} iterations of L-BFGS (memory 8) or of Polak–Ribière CG from that frame, each
 * call from a fresh copy (the copy, ≈ 0.1 ms, is inside the timing). Scores are ms per iteration:
 * force evaluations (≈ 1 per L-BFGS iteration, ≈ 2 per CG iteration), the neighbour-list updates and
 * the vector work of the method (for L-BFGS the two-loop recursion, 2m + 2 passes over 3N doubles).
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MinimizerBench extends ThreadsBench {
    static final int ITERATIONS = 50;

    @Param({"lbfgs", "cg"})
    String alg;

    Frame frame;
    Minimizer minimizer;
    ParticleStore work;

    @Setup
    public void setup() {
        try (LammpsDumpReader r = LammpsDumpReader.open(DescriptorBench.frameFile())) {
            frame = r.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MinimizeOptions o = MinimizeOptions.defaults().withAlgorithm(Algorithm.parse(alg)).withThreads(threads)
                .withMaxIterations(ITERATIONS).withFtol(0);
        minimizer = new Minimizer(Models.ka(), o);
    }

    @Setup(Level.Invocation)
    public void copy() {
        work = frame.particles().copy();
    }

    @TearDown(Level.Invocation)
    public void free() {
        work.close();
    }

    @TearDown
    public void tearDown() {
        minimizer.close();
        frame.close();
    }

    /** {@value #ITERATIONS} iterations from the frame; returns U so the work cannot be dropped. */
    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(ITERATIONS)
    public double iterations() {
        Report r = minimizer.minimize(work, frame.box(), null);
        return r.energy();
    }
}
