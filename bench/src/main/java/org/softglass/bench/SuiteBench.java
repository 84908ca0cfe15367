package org.softglass.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The class-level JMH settings most benchmarks of the suite share, stated once: one shared state per
 * benchmark, average time per operation, 3 × 2 s warm-up, 5 × 2 s measurement, one fork with the
 * Vector API module and native access. JMH's annotations are {@code @Inherited}, so a subclass gets
 * them all; it adds its own {@code @OutputTimeUnit}, {@code @Param}s and {@code @Benchmark}s and
 * restates on itself any setting that differs (its own annotation wins). {@code bench/run-jmh} overrides
 * the iteration counts and times from the command line anyway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public abstract class SuiteBench {
}
