package org.softglass.core.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of worker threads for data-parallel loops over particle ranges.
 *
 * <p>{@link #forChunks} splits {@code [0, n)} into chunks of a fixed size that does not depend on
 * the number of threads; workers claim chunks dynamically. A loop body that writes only the
 * outputs of its own chunk (and per-chunk partial sums that the caller adds up in chunk order)
 * therefore gives bit-identical results for any thread count. The body receives its worker index
 * {@code 0..threads-1} so it can use per-worker scratch buffers.
 *
 * <p>The calling thread works as worker 0 beside {@code threads − 1} team threads; with
 * {@code threads == 1} the loop runs on the calling thread alone. Close the team to stop its threads.
 *
 * <p><b>Hand-off.</b> An MD step opens several short regions (a few hundred µs to a few ms each), so
 * the cost of starting and joining a region matters. Waking a parked thread takes a futex system call
 * and, on a virtual machine whose other vCPU is halted, an inter-processor interrupt: measured here
 * (2-vCPU VM, issue 3) at ≈ 100 µs to start a region and ≈ 300 µs to learn it had ended, ≈ 10 % of a
 * 2-thread MD step. So the team hands regions over through a volatile generation counter that idle
 * threads <i>spin</i> on ({@link Thread#onSpinWait}, with a {@link Thread#yield} every 256 turns so an
 * oversubscribed machine still makes progress) for {@value #SPIN_MICROS_DEFAULT} µs (system
 * property {@code softglass.spinMicros}) before they park; the caller likewise spins for the end of
 * the region before it parks. A thread only parks after announcing it (volatile flag, re-checked
 * after the announcement), so a region started or ended meanwhile always unparks it.
 *
 * <p>One region at a time: a team is driven by one thread, and a body must not start a region on
 * its own team (that throws {@link IllegalStateException}).
 */
public final class Parallel implements AutoCloseable {

    /** A loop body over one chunk {@code [from, to)}. */
    @FunctionalInterface
    public interface ChunkBody {
        void run(int worker, int chunk, int from, int to);
    }

    static final long SPIN_MICROS_DEFAULT = 2000;
    private static final long SPIN_NANOS = 1000L * Long.getLong("softglass.spinMicros", SPIN_MICROS_DEFAULT);

    private final int threads;
    private final Member[] members;                  // team threads, workers 1 .. threads-1
    private final AtomicInteger running = new AtomicInteger();
    private volatile long generation;
    private volatile Region region;
    private volatile boolean closed;
    private volatile boolean callerParked;
    private volatile Thread caller;
    private volatile boolean inRegion;

    /** @param threads number of workers, ≥ 1 */
    public Parallel(int threads) {
        if (threads < 1) throw new org.softglass.core.util.InvalidParameter("{threads} must be >= 1, got " + threads);
        this.threads = threads;
        this.members = new Member[threads - 1];
        for (int w = 1; w < threads; w++) {
            Member m = new Member(w);
            members[w - 1] = m;
            m.thread.start();
        }
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
        run(n, chunk, body, false);
    }

    /**
     * Like {@link #forChunks} but with a fixed assignment: worker w runs chunks w, w + T, w + 2T, …
     * in that order (T = threads). A body that accumulates into per-worker buffers then gives results
     * that are identical from run to run for a given thread count.
     */
    public void forChunksStatic(int n, int chunk, ChunkBody body) {
        run(n, chunk, body, true);
    }

    private void run(int n, int chunk, ChunkBody body, boolean fixed) {
        if (chunk < 1) throw new IllegalArgumentException("chunk must be >= 1");
        if (closed) throw new IllegalStateException("parallel team is closed");
        if (inRegion) throw new IllegalStateException("a loop body started a parallel region on its own team");
        int chunks = chunkCount(n, chunk);
        if (members.length == 0 || (!fixed && chunks <= 1)) {
            for (int c = 0; c < chunks; c++) body.run(0, c, c * chunk, Math.min(n, (c + 1) * chunk));
            return;
        }
        Region r = new Region(n, chunk, chunks, body, fixed, threads);
        inRegion = true;
        try {
            caller = Thread.currentThread();
            region = r;
            running.set(members.length);
            generation = generation + 1;          // publishes the region to the spinning members
            for (Member m : members) if (m.parked) LockSupport.unpark(m.thread);
            try {
                r.work(0);
            } catch (RuntimeException | Error e) {
                r.fail(e);
            }
            awaitMembers();
        } finally {
            inRegion = false;
            region = null;
        }
        r.rethrow();
    }

    /** Spins, then parks, until every member has finished the current region. */
    private void awaitMembers() {
        long deadline = System.nanoTime() + SPIN_NANOS;
        for (int spins = 0; running.get() != 0; spins++) {
            if (System.nanoTime() < deadline) {
                pause(spins);
            } else {
                callerParked = true;
                if (running.get() != 0) LockSupport.park(this);
                callerParked = false;
            }
        }
    }

    private static void pause(int spins) {
        if ((spins & 255) == 255) Thread.yield();
        else Thread.onSpinWait();
    }

    /** One parallel loop: its chunks, the chunk counter, and the first failure. */
    private static final class Region {
        final int n, chunk, chunks, threads;
        final ChunkBody body;
        final boolean fixed;
        final AtomicInteger next = new AtomicInteger();
        volatile Throwable failure;

        Region(int n, int chunk, int chunks, ChunkBody body, boolean fixed, int threads) {
            this.n = n;
            this.chunk = chunk;
            this.chunks = chunks;
            this.body = body;
            this.fixed = fixed;
            this.threads = threads;
        }

        void work(int worker) {
            if (fixed) {
                for (int c = worker; c < chunks && failure == null; c += threads) body.run(worker, c, c * chunk, Math.min(n, (c + 1) * chunk));
            } else {
                for (int c; failure == null && (c = next.getAndIncrement()) < chunks; ) {
                    body.run(worker, c, c * chunk, Math.min(n, (c + 1) * chunk));
                }
            }
        }

        synchronized void fail(Throwable t) {
            if (failure == null) failure = t;
        }

        void rethrow() {
            Throwable t = failure;
            if (t == null) return;
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error er) throw er;
            throw new IllegalStateException(t);
        }
    }

    /** A team thread: waits for the next generation, works on its region, reports the end. */
    private final class Member implements Runnable {
        final int worker;
        final Thread thread;
        volatile boolean parked;

        Member(int worker) {
            this.worker = worker;
            this.thread = new Thread(this, "softglass-worker-" + worker);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long deadline = System.nanoTime() + SPIN_NANOS;
                for (int spins = 0; generation == seen && !closed; spins++) {
                    if (System.nanoTime() < deadline) {
                        pause(spins);
                    } else {
                        parked = true;
                        if (generation == seen && !closed) LockSupport.park(this);
                        parked = false;
                    }
                }
                if (closed) return;
                seen = generation;
                Region r = region;
                try {
                    r.work(worker);
                } catch (RuntimeException | Error e) {
                    r.fail(e);
                }
                if (running.decrementAndGet() == 0 && callerParked) LockSupport.unpark(caller);
            }
        }
    }

    /** Stops the team threads (they exit at their next check; a running region is finished first). */
    @Override
    public void close() {
        closed = true;
        for (Member m : members) LockSupport.unpark(m.thread);
    }
}
