package org.softglass.nativebridge;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Our own code parallelises across Java threads, each calling single-threaded OpenBLAS: concurrent
 * calls must give bit-identical results to sequential ones (one OpenBLAS thread is deterministic).
 */
class ConcurrencyTest {

    /** dgemm then Cholesky + eigenvalues of a seeded SPD matrix; returns the results concatenated. */
    private static double[] work(int seed) {
        int n = 33;
        double[] a = Mats.randomSpd(new Random(seed), n);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment as = Mats.toSegment(arena, a, n, n, n, 0), c = arena.allocate(JAVA_DOUBLE, (long) n * n);
            Blas.dgemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, n, n, n, 1, as, n, as, n, 0, c, n);
            MemorySegment w = arena.allocate(JAVA_DOUBLE, n), z = arena.allocate(JAVA_DOUBLE, (long) n * n);
            Lapack.dsyevr(Triangle.LOWER, n, Mats.toSegment(arena, a, n, n, n, 0), n, w, z, n);
            Lapack.dpotrf(Triangle.UPPER, n, as, n);
            double[] out = new double[3 * n * n + n];
            MemorySegment.copy(c, JAVA_DOUBLE, 0, out, 0, n * n);
            MemorySegment.copy(as, JAVA_DOUBLE, 0, out, n * n, n * n);
            MemorySegment.copy(z, JAVA_DOUBLE, 0, out, 2 * n * n, n * n);
            MemorySegment.copy(w, JAVA_DOUBLE, 0, out, 3 * n * n, n);
            return out;
        }
    }

    @Test
    void concurrentCallsMatchSequentialBitForBit() throws Exception {
        int jobs = 64;
        List<double[]> sequential = new ArrayList<>();
        for (int s = 0; s < jobs; s++) sequential.add(work(s));
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int s = 0; s < jobs; s++) {
                int seed = s;
                futures.add(pool.submit(() -> work(seed)));
            }
            for (int s = 0; s < jobs; s++) assertArrayEquals(sequential.get(s), futures.get(s).get(), "job " + s);
        }
    }
}
