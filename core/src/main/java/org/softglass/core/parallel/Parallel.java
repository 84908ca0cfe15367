package org.softglass.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed team of worker threads for data-parallel loops over particle ranges.
 *
 * <p>{@link #forChunks} splits {@code [0, n)} into chunks of a fixed size that does not depend on
 * the number of threads; workers claim chunks dynamically. A loop body that writes only the
 * outputs of its own chunk (and per-chunk partial sums that the caller adds up in chunk order)
 * therefore gives bit-identical results for any thread count. The body receives its worker index
 * {@code 0..threads-1} so it can use per-worker scratch buffers.
 *
 * <p>The calling thread works as worker 0 beside {@code threads − 1} pooled threads; with
 * {@code threads == 1} the loop runs on the calling thread alone. Close the team to stop its threads.
 */
public final class Parallel implements AutoCloseable {

    /** A loop body over one chunk {@code [from, to)}. */
    @FunctionalInterface
    public interface ChunkBody {
        void run(int worker, int chunk, int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    /** @param threads number of workers, ≥ 1 */
    public Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "softglass-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** The number of cores available to this JVM. */
    public static int availableCores() { return Runtime.getRuntime().availableProcessors(); }

    public int threads() { return threads; }

    /** Number of chunks {@code ceil(n / chunk)} that {@link #forChunks} uses. */
    public static int chunkCount(int n, int chunk) { return (n + chunk - 1) / chunk; }

    /**
     * Runs {@code body} over chunks {@code [c·chunk, min(n, (c+1)·chunk))}, c = 0..chunkCount-1, and
     * returns when all are done. An exception in a body is rethrown (unchecked) on the caller.
     */
    public void forChunks(int n, int chunk, ChunkBody body) {
        if (chunk < 1) throw new IllegalArgumentException("chunk must be >= 1");
        int chunks = chunkCount(n, chunk);
        if (pool == null || chunks <= 1) {
            for (int c = 0; c < chunks; c++) body.run(0, c, c * chunk, Math.min(n, (c + 1) * chunk));
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(threads, chunks);
        List<Future<?>> fs = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            final int worker = w;
            fs.add(pool.submit(() -> {
                for (int c; (c = next.getAndIncrement()) < chunks; ) {
                    body.run(worker, c, c * chunk, Math.min(n, (c + 1) * chunk));
                }
            }));
        }
        // the calling thread is worker 0: one thread fewer to wake per parallel region
        RuntimeException own = null;
        try {
            for (int c; (c = next.getAndIncrement()) < chunks; ) body.run(0, c, c * chunk, Math.min(n, (c + 1) * chunk));
        } catch (RuntimeException e) {
            own = e;
        }
        await(fs);
        if (own != null) throw own;
    }

    /**
     * Like {@link #forChunks} but with a fixed assignment: worker w runs chunks w, w + T, w + 2T, …
     * in that order (T = threads). A body that accumulates into per-worker buffers then gives results
     * that are identical from run to run for a given thread count.
     */
    public void forChunksStatic(int n, int chunk, ChunkBody body) {
        if (chunk < 1) throw new IllegalArgumentException("chunk must be >= 1");
        int chunks = chunkCount(n, chunk);
        if (pool == null) {
            for (int c = 0; c < chunks; c++) body.run(0, c, c * chunk, Math.min(n, (c + 1) * chunk));
            return;
        }
        List<Future<?>> fs = new ArrayList<>(threads - 1);
        for (int w = 1; w < threads; w++) {
            final int worker = w;
            fs.add(pool.submit(() -> {
                for (int c = worker; c < chunks; c += threads) body.run(worker, c, c * chunk, Math.min(n, (c + 1) * chunk));
            }));
        }
        RuntimeException own = null;
        try {
            for (int c = 0; c < chunks; c += threads) body.run(0, c, c * chunk, Math.min(n, (c + 1) * chunk));
        } catch (RuntimeException e) {
            own = e;
        }
        await(fs);
        if (own != null) throw own;
    }

    private static void await(List<Future<?>> fs) {
        RuntimeException first = null;
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                first = first != null ? first : new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (first == null) first = c instanceof RuntimeException re ? re : new IllegalStateException(c);
            }
        }
        if (first != null) throw first;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
