package org.softglass.core.partition;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.simd.DistanceKernel;
import org.softglass.core.simd.DistanceKernels;
import org.softglass.core.simd.PeriodicLengths;
import org.softglass.core.space.Box;

/**
 * Builds {@link NeighborList}s (CSR, off-heap) from particle positions with a {@link CellList} and a
 * {@link DistanceKernel}.
 *
 * <p><b>Definition.</b> Row i holds every slot j ≠ i with minimum-image {@code r_ij² < r_list²}
 * (strict; with {@link #pairRadii} the pair's own radius instead of r_list); FULL keeps all such j, HALF only j &gt; i. Rows are in ascending slot order. Distances are
 * computed between the positions wrapped into the box ({@link Box#wrap}); positions need not be
 * wrapped in the store, which is not modified. With ≥ 3 cells on every axis the separation is
 * {@code (w_i + s L) - w_j} with the image shift s ∈ {−1, 0, 1} fixed by the two cells
 * ({@link DistanceKernel#collectWithinDirect}); otherwise it is the kernel's minimum image
 * {@code d - L rint(d / L)} ({@link DistanceKernel#collectWithin}, {@link PeriodicLengths}). Both
 * equal the exact minimum image up to rounding of the last bits, so only pairs with r_ij within an
 * ulp or so of r_list can be decided differently from {@link Box#distanceSquared}.
 *
 * <p><b>Validity.</b> The minimum image gives each pair one separation, so the list is complete only
 * if no pair has two images within r_list: every box length must satisfy {@code L_a > 2 r_list}.
 * The constructor checks this and throws {@link IllegalArgumentException} naming the axis.
 *
 * <p><b>Algorithm.</b> (1) Bin particles into cells of side ≥ r_list (serial counting sort). (2) Sorted
 * positions (cell order, so neighbouring work shares the same cells in cache) are cut into fixed
 * chunks of {@value #CHUNK}; worker threads take chunks from a counter. For each particle the
 * candidates of its stencil are passed to the kernel as at most 2 runs of x-adjacent cells per
 * (y, z) neighbour row (with the point moved by the runs' image shifts), hits are mapped to slots, filtered (j ≠ i, or j &gt; i for HALF) and sorted;
 * the chunk's rows stay in a heap buffer kept for that chunk (swapped with the worker's, no copy). (3) A serial prefix sum over the per-slot
 * counts gives {@code offsets}; (4) the rows are copied, in parallel by chunk, into one off-heap
 * {@code indices} segment. Each row depends only on the positions, so the list is identical, byte
 * for byte, for any thread count.
 *
 * <p><b>Memory.</b> Heap: the cell list (≈ 40 bytes per particle), two ints per particle, and per
 * worker scratch of a few hundred KB. Off-heap: the result (8 (N+1) + 4 E bytes for E entries) plus,
 * on the heap, a second copy of the E indices (the chunk buffers, kept between builds). No per-particle objects.
 *
 * <p>The builder runs on a shared {@link Parallel} team, or keeps its own team of {@code threads}
 * workers (created on first parallel build), and keeps scratch buffers between builds;
 * {@link #close()} stops its own team. A builder is not
 * safe for concurrent builds; the lists it returns are independent of it.
 */
public final class NeighborListBuilder implements AutoCloseable {
    /** Particles (in cell order) per work chunk; fixed, so the work split does not depend on threads. */
    public static final int CHUNK = 1024;

    private boolean sortRows = true;

    /**
     * Whether rows are sorted ascending (default true). Unsorted rows come in the order of the cell
     * scan, which is also deterministic and independent of the thread count; skipping the sort saves
     * ≈ 25 % of a build, which MD (whose sums only need a fixed order) takes.
     */
    public NeighborListBuilder sortedRows(boolean sorted) {
        this.sortRows = sorted;
        return this;
    }

    private boolean ordered = false;

    /**
     * Whether lists are indexed by cell-order position (default false: by slot); see
     * {@link NeighborList#cellOrdered()}. A cell-ordered HALF row of position r is searched only from
     * position r + 1 on, i.e. in the cells after its own in cell numbering plus the later particles of
     * its own cell: half the stencil, with no filter. Each pair is then found exactly once because the
     * stencil of unique neighbour cells is symmetric (cell a is in b's stencil iff b is in a's).
     */
    public NeighborListBuilder cellOrdered(boolean cellOrdered) {
        this.ordered = cellOrdered;
        return this;
    }

    private double[][] pairRadius2;   // squared list radius per species pair, or null: listRadius for all
    private double[][] radius2At = new double[0][];   // per row species a: pairRadius2[a][species at position]
    private int[] speciesAt = new int[0];             // species of the particle at each cell position

    /**
     * Lists each species pair (a, b) only out to its own radius {@code radii[a][b]} (σ, symmetric,
     * each ≤ the list radius; null: the list radius for every pair, the default), as LAMMPS does with
     * its per-type {@code cutneighsq = (cut_ab + skin)²}. For the Kob–Andersen mixture (list radius
     * 2.8 from the AA cutoff, AB 2.3, BB 2.5 with skin 0.3) this drops ≈ 15 % of the entries, all of
     * them beyond their pair's cutoff. Applies when every axis has ≥ 3 cells (the direct search); with
     * fewer cells every pair is listed out to the list radius. Particles of a species outside the
     * table are listed out to the list radius.
     *
     * @throws IllegalArgumentException if the table is not square and symmetric with entries in (0, list radius]
     */
    public NeighborListBuilder pairRadii(double[][] radii) {
        if (radii == null) {
            pairRadius2 = null;
            return this;
        }
        double[][] r = new double[radii.length][radii.length];
        for (int a = 0; a < radii.length; a++) {
            if (radii[a].length != radii.length) throw new IllegalArgumentException("pair radii must be a square table, row " + a + " has " + radii[a].length);
            for (int b = 0; b < radii.length; b++) {
                double v = radii[a][b];
                if (!(v > 0 && v <= listRadius) || v != radii[b][a]) {
                    throw new IllegalArgumentException("pair radius (" + a + ", " + b + ") = " + v + " must be symmetric and in (0, " + listRadius + "]");
                }
                r[a][b] = v * v;
            }
        }
        pairRadius2 = r;
        return this;
    }

    private final Box box;
    private final double listRadius, r2;
    private final int threads;
    private final DistanceKernel kernel;
    private final PeriodicLengths lengths;
    private final CellList cells;
    private final Scratch[] scratch;
    private Parallel team;
    private boolean ownsTeam;
    private int[] counts = new int[0], rowAt = new int[0];
    private int[][] parts = new int[0][];   // per chunk, its rows of the last build (heap buffers swapped with the workers')

    /** A builder using the kernel chosen by {@link DistanceKernels#get()}. */
    public NeighborListBuilder(Box box, double listRadius, int threads) {
        this(box, listRadius, threads, DistanceKernels.get());
    }

    /**
     * @param box periodic box; every length must exceed {@code 2 listRadius}
     * @param listRadius r_list (σ), finite and &gt; 0: interaction cutoff + skin
     * @param threads worker threads, ≥ 1
     * @param kernel the distance kernel (scalar or Panama)
     * @throws IllegalArgumentException if the box is too small for the radius, or on bad arguments
     */
    public NeighborListBuilder(Box box, double listRadius, int threads, DistanceKernel kernel) {
        this(box, listRadius, threads, null, kernel);
    }

    /**
     * A builder that runs its parallel parts on {@code team} (shared, not closed by the builder), e.g.
     * the team of the force loop, so that one set of threads serves the whole MD step.
     */
    public NeighborListBuilder(Box box, double listRadius, Parallel team, DistanceKernel kernel) {
        this(box, listRadius, team.threads(), team, kernel);
    }

    private NeighborListBuilder(Box box, double listRadius, int threads, Parallel team, DistanceKernel kernel) {
        if (!(listRadius > 0) || !Double.isFinite(listRadius)) {
            throw new IllegalArgumentException("neighbour-list radius must be finite and > 0, got " + listRadius);
        }
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        requireBoxFits(box, listRadius, "list radius " + listRadius);
        this.box = box;
        this.listRadius = listRadius;
        this.r2 = listRadius * listRadius;
        this.threads = threads;
        this.team = team;
        this.kernel = kernel;
        this.lengths = PeriodicLengths.of(box);
        this.cells = new CellList(box, listRadius);
        this.scratch = new Scratch[threads];
        for (int t = 0; t < threads; t++) scratch[t] = new Scratch();
    }

    /**
     * Throws unless every length of {@code box} exceeds {@code 2 listRadius}; {@code radiusText}
     * describes the radius in the message, e.g. {@code "(cutoff 2.5 + skin 0.3)"}.
     */
    static void requireBoxFits(Box box, double listRadius, String radiusText) {
        for (int a = 0; a < 3; a++) {
            if (!(box.length(a) > 2 * listRadius)) {
                throw new IllegalArgumentException("box length along " + Box.axisName(a) + " is " + box.length(a)
                        + " but the neighbour list needs > " + (2 * listRadius) + " = 2 × " + radiusText
                        + "; use a smaller skin or a bigger system");
            }
        }
    }

    public Box box() { return box; }
    public double listRadius() { return listRadius; }
    public int threads() { return threads; }
    public DistanceKernel kernel() { return kernel; }
    /** The cell list of the last build (reused and overwritten by the next build). */
    public CellList cellList() { return cells; }

    /**
     * Builds the neighbour list of the current positions of {@code p} (read only).
     *
     * @return a new list in its own shared arena; the caller owns it and closes it
     */
    public NeighborList build(ParticleStore p, NeighborList.Kind kind) {
        int n = p.size();
        cells.build(p);
        boolean radii = pairRadius2 != null && cells.shiftsDefined();
        if (radii) fillRadii(p, n);
        if (counts.length < n) { counts = new int[n]; rowAt = new int[n]; }
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (this.parts.length < chunks) this.parts = Arrays.copyOf(this.parts, chunks);
        int[][] parts = this.parts;
        boolean full = kind == NeighborList.Kind.FULL;
        boolean cellOrder = ordered;
        Arena result = Arena.ofShared();
        try {
            double[][] at = radii ? radius2At : null;
            parallel(chunks, (w, c) -> {
                if (cellOrder) searchChunkOrdered(scratch[w], c, n, full, at);
                else searchChunk(scratch[w], c, n, full, at);
                // the chunk keeps the worker's row buffer; the worker takes the chunk's previous one
                int[] rows = scratch[w].rows;
                scratch[w].rows = parts[c] != null ? parts[c] : new int[rows.length];
                parts[c] = rows;
            });
            MemorySegment offsets = result.allocate((n + 1L) * Long.BYTES, 64);
            long total = 0;
            for (int i = 0; i < n; i++) {
                offsets.setAtIndex(ValueLayout.JAVA_LONG, i, total);
                total += counts[i];
            }
            offsets.setAtIndex(ValueLayout.JAVA_LONG, n, total);
            MemorySegment indices = result.allocate(Math.max(1, total) * Integer.BYTES, 64);
            if (cellOrder) {
                // the rows of a chunk are consecutive positions: one block copy per chunk
                parallel(chunks, (w, c) -> {
                    long from = offsets.getAtIndex(ValueLayout.JAVA_LONG, (long) c * CHUNK);
                    long to = offsets.getAtIndex(ValueLayout.JAVA_LONG, Math.min(n, (c + 1L) * CHUNK));
                    MemorySegment.copy(parts[c], 0, indices, ValueLayout.JAVA_INT, from * Integer.BYTES, (int) (to - from));
                });
                return new NeighborList(kind, n, listRadius, result, offsets, indices, Arrays.copyOf(cells.orderArray(), n));
            }
            parallel(chunks, (w, c) -> copyChunk(c, n, parts[c], offsets, indices));
            return new NeighborList(kind, n, listRadius, result, offsets, indices);
        } catch (RuntimeException | Error e) {
            result.close();
            throw e;
        }
    }

    /**
     * {@code radius2At[a][pos]} = squared list radius of the pair (a, species of the particle at cell
     * position pos) for every species a of the table (the list radius for species outside it).
     */
    private void fillRadii(ParticleStore p, int n) {
        int ns = pairRadius2.length;
        if (radius2At.length != ns || radius2At[0].length < n) radius2At = new double[ns][n];
        if (speciesAt.length < n) speciesAt = new int[n];
        int[] order = cells.orderArray();
        MemorySegment sp = p.speciesSegment();
        for (int pos = 0; pos < n; pos++) {
            int t = sp.getAtIndex(ValueLayout.JAVA_INT, order[pos]);
            speciesAt[pos] = t;
            for (int a = 0; a < ns; a++) radius2At[a][pos] = t < ns ? pairRadius2[a][t] : r2;
        }
    }

    /**
     * Finds the rows of the particles at sorted positions of chunk c, into the worker's {@code s.rows}.
     * Counts go to {@code counts[slot]}, row starts in the scratch to {@code rowAt[position]}.
     */
    private void searchChunk(Scratch s, int c, int n, boolean full, double[][] at) {
        int p0 = c * CHUNK, p1 = Math.min(n, p0 + CHUNK);
        int[] order = cells.orderArray(), cellOf = cells.cellOfArray();
        int used = 0;
        for (int pos = p0; pos < p1; pos++) {
            int i = order[pos];
            int h = collect(s, pos, cellOf[i], 0, s.hits, 0, at);
            if (used + h > s.rows.length) s.rows = Arrays.copyOf(s.rows, Math.max(2 * s.rows.length, used + h));
            int[] rows = s.rows, hits = s.hits;
            int m = used;
            if (full) {
                for (int k = 0; k < h; k++) { int j = order[hits[k]]; if (j != i) rows[m++] = j; }
            } else {
                for (int k = 0; k < h; k++) { int j = order[hits[k]]; if (j > i) rows[m++] = j; }
            }
            if (sortRows) Arrays.sort(rows, used, m);
            counts[i] = m - used;
            rowAt[pos] = used;
            used = m;
        }
    }

    /**
     * The cell-ordered variant of {@link #searchChunk}: rows and entries are positions, written straight
     * into the row scratch; a HALF row only searches positions after its own. Counts go to
     * {@code counts[position]}.
     */
    private void searchChunkOrdered(Scratch s, int c, int n, boolean full, double[][] at) {
        int p0 = c * CHUNK, p1 = Math.min(n, p0 + CHUNK);
        int[] order = cells.orderArray(), cellOf = cells.cellOfArray();
        int used = 0;
        for (int pos = p0; pos < p1; pos++) {
            int m = collect(s, pos, cellOf[order[pos]], full ? 0 : pos + 1, null, used, at);
            int[] rows = s.rows;
            if (full) { // drop the particle itself (the one hit at distance 0)
                int w = used;
                for (int k = used; k < m; k++) if (rows[k] != pos) rows[w++] = rows[k];
                m = w;
            }
            if (sortRows) Arrays.sort(rows, used, m);
            counts[pos] = m - used;
            used = m;
        }
    }

    /**
     * Appends to {@code out} (or, when null, to the growing {@code s.rows}) from index {@code h} the
     * sorted positions q ≥ {@code minPos} in the stencil of {@code cell} within the list radius of the
     * particle at position {@code pos} (with {@code at}, the per-species radii of {@link #fillRadii}:
     * within its pair's radius); returns the new end.
     */
    private int collect(Scratch s, int pos, int cell, int minPos, int[] out, int h, double[][] at) {
        int[] start = cells.cellStartArray();
        double[] xs = cells.xs(), ys = cells.ys(), zs = cells.zs();
        int nx = cells.cellsAlong(0), ny = cells.cellsAlong(1);
        boolean direct = cells.shiftsDefined();
        double[] radii = at != null && speciesAt[pos] < at.length ? at[speciesAt[pos]] : null;
        int cx = cell % nx, cy = (cell / nx) % ny, cz = cell / (nx * ny);
        double px = xs[pos], py = ys[pos], pz = zs[pos];
        int[] runs = cells.runsX(cx), nz = cells.neighborsZ(cz), ny_ = cells.neighborsY(cy);
        boolean toRows = out == null;
        int[] buf = toRows ? s.rows : out;
        for (int kz = 0; kz < nz.length; kz += 2) {
            double qz = pz + nz[kz + 1] * lengths.lz();
            for (int ky = 0; ky < ny_.length; ky += 2) {
                double qy = py + ny_[ky + 1] * lengths.ly();
                int base = (nz[kz] * ny + ny_[ky]) * nx;
                for (int r = 0; r < runs.length; r += 3) {
                    int from = Math.max(minPos, start[base + runs[r]]), to = start[base + runs[r + 1]];
                    if (from >= to) continue;
                    if (h + (to - from) + 16 > buf.length) {
                        buf = Arrays.copyOf(buf, Math.max(2 * buf.length, h + to - from + 16));
                        if (toRows) s.rows = buf; else s.hits = buf;
                    }
                    h = radii != null ? kernel.collectWithinRadii(px + runs[r + 2] * lengths.lx(), qy, qz, xs, ys, zs, radii, from, to, buf, h)
                            : direct ? kernel.collectWithinDirect(px + runs[r + 2] * lengths.lx(), qy, qz, xs, ys, zs, from, to, r2, buf, h)
                            : kernel.collectWithin(px, py, pz, xs, ys, zs, from, to, lengths, r2, buf, h);
                }
            }
        }
        return h;
    }

    /** Copies the rows of chunk c from its buffer to their CSR places. */
    private void copyChunk(int c, int n, int[] part, MemorySegment offsets, MemorySegment indices) {
        int[] order = cells.orderArray();
        for (int pos = c * CHUNK, p1 = Math.min(n, pos + CHUNK); pos < p1; pos++) {
            int i = order[pos];
            int len = counts[i];
            if (len > 0) {
                long dst = offsets.getAtIndex(ValueLayout.JAVA_LONG, i), src = rowAt[pos];
                // element loop: MemorySegment.copy's per-call checks dominate for rows of ~50 ints
                for (int k = 0; k < len; k++) {
                    indices.setAtIndex(ValueLayout.JAVA_INT, dst + k, part[(int) src + k]);
                }
            }
        }
    }

    @FunctionalInterface
    private interface ChunkTask { void run(int worker, int chunk); }

    /** Runs task(worker, chunk) for every chunk in [0, chunks), chunks handed out by a counter. */
    private void parallel(int chunks, ChunkTask task) {
        if (Math.min(threads, chunks) <= 1) {
            for (int c = 0; c < chunks; c++) task.run(0, c);
            return;
        }
        if (team == null) { team = new Parallel(threads); ownsTeam = true; }
        team.forChunks(chunks, 1, (worker, chunk, from, to) -> task.run(worker, chunk));
    }

    /** Stops the builder's own worker team (if it started one; a shared team is left alone). Lists already built stay valid. */
    @Override
    public void close() {
        if (team != null && ownsTeam) { team.close(); team = null; }
    }

    /** Per-worker scratch, reused between builds. */
    private static final class Scratch {
        int[] hits = new int[1024];
        int[] rows = new int[CHUNK * 64];
    }
}
