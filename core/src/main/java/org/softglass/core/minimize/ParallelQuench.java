package org.softglass.core.minimize;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * Inherent structures of many configurations at once: <em>one configuration per worker</em>, each
 * worker a single-threaded {@link Minimizer}, results handed to a {@link Sink} in submission order.
 *
 * <p>Why: one quench of N ≈ 10³–10⁴ particles splits poorly over threads (its regions are short and
 * every iteration joins them: 2 threads gave 1.27× on N = 1000 KA, bench/RESULTS.md "L-BFGS vs CG
 * quenches"), while independent frames of a trajectory scale with the number of cores. An
 * inherent-structure trajectory has many frames, so frames, not particles, are the unit of parallelism.
 *
 * <p><b>Determinism.</b> Every configuration is minimised by a Minimizer with
 * {@code options.withThreads(1)}, whose result does not depend on anything but the configuration
 * (Minimizer: bit-identical run to run for a given thread count). So each inherent structure is
 * bit-identical to a serial quench with one thread, <em>whatever the number of workers</em>, and the
 * sink sees them in the order they were submitted.
 *
 * <p><b>Memory.</b> At most {@code 2·workers} configurations are in flight: {@link #submit} first hands
 * finished results to the sink, and blocks on the oldest one while the window is full.
 *
 * <p><b>Ownership.</b> {@link #submit} takes ownership of the item (it owns the particles being
 * minimised, e.g. a {@link org.softglass.core.io.Frame} or a copy of an MD state): the item is
 * closed after the sink has seen it, or when this quench is closed before that.
 *
 * <p><b>Errors.</b> An exception of a minimisation ({@link NonFiniteEnergyException},
 * {@link IllegalArgumentException}) is rethrown by the {@link #submit} or {@link #flush} call that
 * would have delivered that item, after every earlier item was delivered: unchanged, or as the
 * {@link Failure} given to the constructor maps it with the failing item (to name its frame or step).
 *
 * <p>Driven by one thread (not thread-safe); {@link #close()} stops the workers.
 *
 * @param <T> the item: what the sink needs to write the result (frame, step, time…)
 */
public final class ParallelQuench<T extends AutoCloseable> implements AutoCloseable {

    /** Receives each finished quench, in submission order. */
    @FunctionalInterface
    public interface Sink<T> {
        /**
         * @param item the submitted item; its particles hold the inherent structure (positions,
         *     images, forces at the minimum, as {@link Minimizer#minimize}); closed after this returns
         * @param perAtomEnergy per-atom energies at the minimum (length N, by slot, ε)
         * @param report the minimisation's report
         */
        void accept(T item, double[] perAtomEnergy, Report report) throws IOException;
    }

    /** Turns a minimisation's exception into the one to throw, knowing which item failed. */
    @FunctionalInterface
    public interface Failure<T> {
        /**
         * @param item the item whose minimisation failed (still open)
         * @param cause what the minimisation threw
         * @return the exception to throw in its place (possibly {@code cause} itself)
         */
        RuntimeException map(T item, RuntimeException cause);
    }

    private record Done<T>(T item, double[] perAtomEnergy, Report report) {}

    private final int workers;
    private final int window;
    private final Sink<T> sink;
    private final Failure<T> failure;
    private final ExecutorService pool;
    private final BlockingQueue<Minimizer> minimizers;
    private final ArrayDeque<Pending<T>> inFlight = new ArrayDeque<>();

    private record Pending<T>(T item, Future<Done<T>> future) {}

    /**
     * @param potential the pair potential
     * @param options minimiser settings; its thread count is ignored (each worker uses one thread)
     * @param workers number of configurations minimised at once, ≥ 1
     * @param sink where finished results go, in submission order
     */
    public ParallelQuench(PairPotential potential, MinimizeOptions options, int workers, Sink<T> sink) {
        this(potential, options, workers, sink, (item, cause) -> cause);
    }

    /**
     * @param potential the pair potential
     * @param options minimiser settings; its thread count is ignored (each worker uses one thread)
     * @param workers number of configurations minimised at once, ≥ 1
     * @param sink where finished results go, in submission order
     * @param failure maps a minimisation's exception, with its item, to the exception thrown
     */
    public ParallelQuench(PairPotential potential, MinimizeOptions options, int workers, Sink<T> sink, Failure<T> failure) {
        Objects.requireNonNull(potential, "potential");
        Objects.requireNonNull(options, "options");
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        this.workers = workers;
        this.window = 2 * workers;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.failure = Objects.requireNonNull(failure, "failure");
        this.minimizers = new ArrayBlockingQueue<>(workers);
        MinimizeOptions one = options.withThreads(1);
        for (int w = 0; w < workers; w++) minimizers.add(new Minimizer(potential, one));
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "softglass-quench");
            t.setDaemon(true);
            return t;
        });
    }

    /** Number of workers. */
    public int workers() { return workers; }

    /**
     * Queues {@code particles} (owned by {@code item}) for minimisation in {@code box}, first handing
     * every finished earlier result to the sink, and waiting for the oldest while {@code 2·workers}
     * items are in flight.
     *
     * @param item owns {@code particles}; ownership passes to this quench
     * @param particles the configuration; modified (it becomes the inherent structure)
     * @param box the periodic box
     * @throws IOException from the sink
     * @throws RuntimeException a minimisation's exception for an earlier item (class comment); the
     *     submitted item is then freed
     */
    public void submit(T item, ParticleStore particles, Box box) throws IOException {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(particles, "particles");
        Objects.requireNonNull(box, "box");
        int n = particles.size();
        Future<Done<T>> f;
        try {
            while (!inFlight.isEmpty() && (inFlight.size() >= window || inFlight.peekFirst().future().isDone())) deliverOldest();
            f = pool.submit(() -> {
                Minimizer m = minimizers.take();
                try {
                    double[] e = new double[n];
                    Report r = m.minimize(particles, box, e);
                    return new Done<>(item, e, r);
                } finally {
                    minimizers.put(m);
                }
            });
        } catch (IOException | RuntimeException e) {
            closeQuietly(item);
            throw e;
        }
        inFlight.addLast(new Pending<>(item, f));
    }

    /** Waits for every queued item and hands the results to the sink, in order. */
    public void flush() throws IOException {
        while (!inFlight.isEmpty()) deliverOldest();
    }

    /** Number of items submitted and not yet delivered. */
    public int pending() { return inFlight.size(); }

    private void deliverOldest() throws IOException {
        Pending<T> p = inFlight.removeFirst();
        try {
            Done<T> d;
            try {
                d = p.future().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a quench");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw failure.map(p.item(), re);
                if (c instanceof Error er) throw er;
                throw new IllegalStateException(c);
            }
            sink.accept(d.item(), d.perAtomEnergy(), d.report());
        } finally {
            closeQuietly(p.item());
        }
    }

    /**
     * Stops the workers (an unfinished minimisation is abandoned), closes the items not yet
     * delivered, and closes the minimisers. Does not hand anything more to the sink.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        boolean stopped = false;
        try {
            stopped = pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a minimisation cannot be interrupted mid-way: its store may only be freed once its worker has stopped
        if (stopped) {
            for (Pending<T> p : inFlight) closeQuietly(p.item());
        }
        inFlight.clear();
        for (Minimizer m : minimizers) m.close();
        minimizers.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // freeing an item must not hide the error being reported
        }
    }
}
