package org.softglass.core.partition;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A neighbour list in compressed sparse row form, off-heap.
 *
 * <p>Layout: {@code offsets} holds N+1 longs; the neighbours of slot i are
 * {@code indices[offsets[i] .. offsets[i+1])} (ints, particle slots). A {@link Kind#FULL} list holds
 * every j ≠ i with minimum-image distance {@code r_ij < cutoff}; a {@link Kind#HALF} list holds each
 * such pair once, under its smaller slot (j &gt; i). Within a row neighbours are in ascending slot
 * order (or, if the builder was asked not to sort, in its cell-scan order), so the list (and any sum
 * over it) is independent of how many threads built it.
 * {@code cutoff} is the list radius (interaction cutoff + skin).
 *
 * <p><b>Cell-ordered lists.</b> A list may instead be indexed by <i>list position</i>: then
 * {@link #order()} is a permutation, position r stands for particle slot {@code order[r]}, row r
 * belongs to that particle and its entries are positions too; "j &gt; i" of a HALF list then reads
 * "q &gt; r" in positions. {@link NeighborListBuilder#cellOrdered} makes such lists with positions in
 * cell order, so that neighbours of a row lie close together in memory (the force loop gathers them
 * with few cache misses, as LAMMPS gets from its periodic atom sort) and a HALF build needs only half
 * of the cell stencil. For a slot-indexed list {@code order()} is null and {@link #slot} the identity.
 *
 * <p>The memory belongs to the list's own shared arena and is freed by {@link #close()}.
 */
public final class NeighborList implements AutoCloseable {
    /** Whether each pair is stored once (HALF, j &gt; i) or twice (FULL). */
    public enum Kind { HALF, FULL }

    private final Kind kind;
    private final int n;
    private final double cutoff;
    private final Arena arena;
    private final MemorySegment offsets;
    private final MemorySegment indices;
    private final long pairs;
    private final int[] order;

    /**
     * Wraps already-filled segments; takes ownership of {@code arena}.
     *
     * @param offsets N+1 longs, non-decreasing, offsets[0] = 0, offsets[N] = number of entries
     * @param indices at least offsets[N] ints
     */
    public NeighborList(Kind kind, int n, double cutoff, Arena arena, MemorySegment offsets, MemorySegment indices) {
        this(kind, n, cutoff, arena, offsets, indices, null);
    }

    /**
     * As above, for a list indexed by list position when {@code order} is not null: a permutation of
     * [0, n) giving the slot of each position (the list takes ownership of the array).
     */
    public NeighborList(Kind kind, int n, double cutoff, Arena arena, MemorySegment offsets, MemorySegment indices, int[] order) {
        if (order != null && order.length != n) throw new IllegalArgumentException("order has " + order.length + " entries for " + n + " rows");
        this.order = order;
        this.kind = kind;
        this.n = n;
        this.cutoff = cutoff;
        this.arena = arena;
        this.offsets = offsets;
        this.indices = indices;
        this.pairs = offsets.getAtIndex(ValueLayout.JAVA_LONG, n);
    }

    public Kind kind() { return kind; }
    /** Number of particles N (rows). */
    public int size() { return n; }
    /** The list radius r_list (σ): cutoff + skin. */
    public double cutoff() { return cutoff; }
    /** Total number of stored entries (pairs for HALF, twice the pairs for FULL). */
    public long entries() { return pairs; }
    /** First entry of row i. */
    public long start(int i) { return offsets.getAtIndex(ValueLayout.JAVA_LONG, i); }
    /** One past the last entry of row i. */
    public long end(int i) { return offsets.getAtIndex(ValueLayout.JAVA_LONG, i + 1L); }
    /** The neighbour slot stored at entry k. */
    public int neighbor(long k) { return indices.getAtIndex(ValueLayout.JAVA_INT, k); }
    /** Number of neighbours of row i. */
    public int count(int i) { return (int) (end(i) - start(i)); }
    public MemorySegment offsets() { return offsets; }
    /** The slot of each list position (do not modify), or null when rows and entries are slots. */
    public int[] order() { return order; }
    /** Whether rows and entries are list positions ({@link #order()} not null) rather than slots. */
    public boolean cellOrdered() { return order != null; }
    /** The particle slot of row/entry index r: {@code order[r]}, or r itself for a slot-indexed list. */
    public int slot(int r) { return order == null ? r : order[r]; }
    public MemorySegment indices() { return indices; }

    /** The neighbours of row i as a new int array (for tests and small systems). */
    public int[] row(int i) {
        long s = start(i);
        int[] r = new int[count(i)];
        for (int k = 0; k < r.length; k++) r[k] = neighbor(s + k);
        return r;
    }

    @Override
    public void close() { arena.close(); }
}
