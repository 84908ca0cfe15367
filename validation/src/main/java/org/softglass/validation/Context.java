package org.softglass.validation;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a check may use: the worker thread count (results are reproducible for a given count), a seed
 * offset added to each check's own base seed (0 reproduces the documented runs), a scratch directory
 * for simulation output (the caller owns and deletes it) and the fixtures directory (the shared
 * {@code fixtures/} with {@code lammps/} inside). Expensive intermediate results that feed several
 * checks (e.g. one MD run giving both U/N and p) are computed once per context via {@link #memo}.
 */
public final class Context {
    private final int threads;
    private final long seed;
    private final Path scratch, fixtures;
    private final Map<String, Object> memo = new ConcurrentHashMap<>();

    /**
     * @param threads  worker threads, ≥ 1
     * @param seed     seed offset added to every check's base seed
     * @param scratch  an existing writable directory
     * @param fixtures the shared fixtures directory (contains {@code lammps/})
     */
    public Context(int threads, long seed, Path scratch, Path fixtures) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.seed = seed;
        this.scratch = scratch;
        this.fixtures = fixtures;
    }

    public int threads() { return threads; }

    public long seed() { return seed; }

    public Path scratch() { return scratch; }

    public Path fixtures() { return fixtures; }

    /** A LAMMPS fixture file: {@code fixtures/lammps/NAME}. */
    public Path lammps(String name) { return fixtures.resolve("lammps").resolve(name); }

    /** A computation that may fail with a checked exception. */
    @FunctionalInterface
    public interface Computation<T> {
        T compute() throws Exception;
    }

    /**
     * The value stored under {@code key}, computing it on first use. Not re-entrant for the same key.
     *
     * @throws Exception whatever the computation throws (nothing is stored then)
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> T memo(String key, Computation<T> c) throws Exception {
        Object v = memo.get(key);
        if (v == null) {
            v = c.compute();
            memo.put(key, v);
        }
        return (T) v;
    }
}
