package org.softglass.core.structure;

import org.softglass.core.io.Frame;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * Computes descriptor rows (structure functions of a {@link DescriptorSpec}) for chosen particles of
 * one configuration: the public entry point for the {@code descriptors} command and for the
 * training-set builder.
 *
 * <p><b>Output layout.</b> Row-major {@code double[]}: row r (the r-th entry of {@code slots}) holds the
 * M = {@link #columns()} features in the column order of {@link DescriptorSpec#columns()} at
 * {@code out[off + r·M .. off + (r+1)·M)}.
 *
 * <p><b>Definition and periodicity.</b> DESIGN §3 (see {@link DescriptorSpec}); distances in σ with the
 * periodic box: when every box length exceeds 2 rmax each neighbour is seen at its minimum image
 * (neighbours found with a {@link org.softglass.core.partition.CellList} of side rmax); in smaller
 * boxes every periodic image within rmax counts. Coincident particles are refused
 * ({@link IllegalArgumentException}), since the angle is undefined.
 *
 * <p><b>Threads.</b> Centres are split into fixed chunks handed to the workers of a {@link Parallel}
 * team; each row is computed by one worker in an order that depends only on the positions, so the
 * output is identical for every thread count (and run to run). Per-worker scratch is reused between
 * calls. Not safe for concurrent calls on one calculator; {@link #close()} stops its threads.
 */
public final class DescriptorCalculator implements AutoCloseable {
    /** Centres per work chunk. */
    static final int CHUNK = 8;

    private final DescriptorSpec spec;
    private final DescriptorKernel kernel;
    private final Parallel parallel;
    private final CentreWorker[] workers;

    /** A calculator with the kernel chosen by {@link DescriptorKernels#get()} and {@code threads} workers (≥ 1). */
    public DescriptorCalculator(DescriptorSpec spec, int threads) {
        this(spec, threads, DescriptorKernels.get());
    }

    /** A calculator with a given kernel (tests and benchmarks compare the scalar and Vector-API kernels). */
    public DescriptorCalculator(DescriptorSpec spec, int threads, DescriptorKernel kernel) {
        this.spec = spec;
        this.kernel = kernel;
        this.parallel = new Parallel(threads);
        this.workers = new CentreWorker[threads];
        for (int w = 0; w < threads; w++) workers[w] = new CentreWorker(spec, kernel);
    }

    /** The descriptor set computed. */
    public DescriptorSpec spec() { return spec; }
    /** The kernel in use. */
    public DescriptorKernel kernel() { return kernel; }
    /** Number of worker threads. */
    public int threads() { return parallel.threads(); }
    /** Number of features M per row. */
    public int columns() { return spec.columnCount(); }

    /**
     * The slots of a store whose species is {@code species} (0-based; −1: all), ascending. Frames read
     * from dumps are sorted by id, so this is also id order.
     */
    public static int[] centres(ParticleStore p, int species) {
        int n = p.size(), m = 0;
        for (int i = 0; i < n; i++) if (species < 0 || p.species(i) == species) m++;
        int[] s = new int[m];
        for (int i = 0, k = 0; i < n; i++) if (species < 0 || p.species(i) == species) s[k++] = i;
        return s;
    }

    /** The rows of the given slots of a frame, as a new {@code slots.length × M} row-major array. */
    public double[] compute(Frame frame, int[] slots) {
        double[] out = new double[Math.multiplyExact(slots.length, columns())];
        compute(frame.box(), frame.particles(), slots, out, 0);
        return out;
    }

    /**
     * The rows of the given slots of a configuration, into {@code out[off .. off + slots.length·M)}
     * (modified; nothing else is). Reads positions (wrapped or not) and species of {@code p}.
     *
     * @throws IllegalArgumentException for a slot out of range, coincident particles or a non-finite position
     */
    public void compute(Box box, ParticleStore p, int[] slots, double[] out, int off) {
        int m = columns();
        if (out.length - off < (long) slots.length * m) {
            throw new IllegalArgumentException("output has room for " + (out.length - off) / Math.max(1, m) + " rows, need " + slots.length);
        }
        for (int s : slots) {
            if (s < 0 || s >= p.size()) throw new IllegalArgumentException("slot " + s + " out of range [0, " + p.size() + ")");
        }
        FrameGeometry g = new FrameGeometry(box, p, spec.rmax());
        parallel.forChunks(slots.length, CHUNK, (w, c, from, to) -> {
            CentreWorker cw = workers[w];
            for (int r = from; r < to; r++) cw.compute(g, slots[r], out, off + r * m);
        });
    }

    /**
     * Same from plain arrays: positions (σ, length N each) and 0-based species (type − 1); slot i is
     * particle i. Returns a new {@code slots.length × M} row-major array.
     */
    public double[] compute(Box box, double[] x, double[] y, double[] z, int[] species, int[] slots) {
        int n = x.length;
        if (y.length != n || z.length != n || species.length != n) throw new IllegalArgumentException("x, y, z and species must have the same length");
        try (ParticleStore p = ParticleStore.allocate(n)) {
            for (int i = 0; i < n; i++) {
                p.setPosition(i, x[i], y[i], z[i]);
                p.setSpecies(i, species[i]);
                p.setId(i, i + 1);
            }
            double[] out = new double[Math.multiplyExact(slots.length, columns())];
            compute(box, p, slots, out, 0);
            return out;
        }
    }

    @Override
    public void close() { parallel.close(); }
}
