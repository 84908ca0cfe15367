package org.softglass.core.partition;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * A cell list (linked-cell binning) over a periodic orthorhombic box, built by a counting sort.
 *
 * <p><b>Geometry.</b> Along axis a the box is cut into {@code n_a = max(1, floor(L_a / s))} equal
 * cells of side {@code L_a / n_a >= s}, where {@code s = minSide · (1 + 1e-9)}; the tiny margin keeps
 * every pair at minimum-image distance below {@code minSide} in the same or adjacent cells despite
 * rounding of the cell index. Cells are numbered {@code c = (c_z n_y + c_y) n_x + c_x}. To bound
 * memory in dilute systems the side is enlarged (by factors 1.1) until the number of cells is at most
 * {@code max(4096, 2N)} (and 2^30); cells only get bigger, so correctness is unaffected.
 *
 * <p><b>Binning.</b> A particle's cell along axis a is {@code min(n_a - 1, floor(f n_a))} with
 * {@code f = (wrap(x) - lo) / L} and {@code wrap} = {@link Box#wrap}, so positions outside the box
 * (unwrapped, on the upper face, negative) are accepted and binned where their periodic image lies;
 * the store is not modified.
 *
 * <p><b>Arrays</b> (heap, primitive, reused between builds; no per-particle objects):
 * {@code cellStart} (n_cells + 1 ints): the particles of cell c are at sorted positions
 * {@code [cellStart[c], cellStart[c+1])}; {@code order} (N ints): slot at each sorted position, in
 * ascending slot order within a cell (the counting sort is stable); {@code xs, ys, zs} (N doubles
 * each): the coordinates wrapped into the box ({@link Box#wrap}) gathered in sorted order, so that the candidates
 * of a cell, and of runs of x-adjacent cells, are contiguous for the distance kernels;
 * {@code cellOf} (N ints): the cell of each slot.
 *
 * <p><b>Stencil.</b> The neighbour cells of a cell are the cells at offsets −1, 0, +1 along each
 * axis with periodic wrap, made unique: along an axis with fewer than 3 cells every cell of that
 * axis is taken once (so nothing is counted twice), which together with the minimum image gives
 * all-pairs along that axis. With at least 3 cells on every axis the stencil has 27 cells and each
 * has a definite periodic image shift (a neighbour across the box face is seen at coordinate ± L),
 * which lets the builder skip the per-pair minimum image.
 *
 * <p>Not thread-safe for concurrent {@link #build}; concurrent reads after a build are safe.
 */
public final class CellList {
    static final double SIDE_MARGIN = 1e-9;

    private final Box box;
    private final double minSide;
    private int n, nx, ny, nz, ncell;
    private int[] cellStart = new int[1], cursor = new int[0];
    private int[] order = new int[0], cellOf = new int[0];
    private double[] xs = new double[0], ys = new double[0], zs = new double[0];
    // per-axis neighbour cells with image shifts: {cell0, shift0, cell1, shift1, ...} along y and z;
    // runs of contiguous x cells {a0, b0, shift0, a1, b1, shift1}; shifts in box lengths (see below)
    private int[][] nbrY, nbrZ, runsX;

    /**
     * @param box the periodic box
     * @param minSide smallest allowed cell side s (σ), finite and &gt; 0 (the list radius r_list)
     */
    public CellList(Box box, double minSide) {
        if (!(minSide > 0) || !Double.isFinite(minSide)) {
            throw new IllegalArgumentException("cell side must be finite and > 0, got " + minSide);
        }
        this.box = box;
        this.minSide = minSide;
    }

    public Box box() { return box; }
    public double minSide() { return minSide; }
    /** Number of particles binned by the last build. */
    public int size() { return n; }
    /** Number of cells along an axis (0 = x, 1 = y, 2 = z); valid after a build. */
    public int cellsAlong(int axis) { return axis == 0 ? nx : axis == 1 ? ny : nz; }
    public int cellCount() { return ncell; }
    /** First sorted position of cell c. */
    public int cellStart(int c) { return cellStart[c]; }
    /** One past the last sorted position of cell c. */
    public int cellEnd(int c) { return cellStart[c + 1]; }
    /** The slot at sorted position k. */
    public int slotAt(int k) { return order[k]; }
    /** The cell of slot i. */
    public int cellOf(int i) { return cellOf[i]; }

    // Direct array access for the builder (read only).
    int[] cellStartArray() { return cellStart; }
    int[] orderArray() { return order; }
    int[] cellOfArray() { return cellOf; }
    double[] xs() { return xs; }
    double[] ys() { return ys; }
    double[] zs() { return zs; }
    /** Whether every axis has ≥ 3 cells, so that each stencil cell has one image shift (see {@link #runsX}). */
    boolean shiftsDefined() { return nx >= 3 && ny >= 3 && nz >= 3; }
    /**
     * Neighbour rows along y of cell row cy as pairs {@code (cy', s)}: the candidates of row cy' are
     * seen from cy at their coordinate plus {@code -s L_y}, i.e. the point is to be moved by
     * {@code +s L_y} (s ∈ {−1, 0, 1}; always 0 along an axis with fewer than 3 cells).
     */
    int[] neighborsY(int cy) { return nbrY[cy]; }
    /** As {@link #neighborsY} along z. */
    int[] neighborsZ(int cz) { return nbrZ[cz]; }
    /** Runs of x-adjacent cells of the stencil of cx as triplets {@code (first, end, s)}, s as in {@link #neighborsY}. */
    int[] runsX(int cx) { return runsX[cx]; }

    /**
     * Bins the particles of {@code p} (reads its positions; modifies only this cell list). Recomputes
     * the grid for the particle count, reusing arrays where they are large enough.
     */
    public void build(ParticleStore p) {
        int count = p.size();
        geometry(count);
        if (order.length < count) {
            order = new int[count]; cellOf = new int[count];
            xs = new double[count]; ys = new double[count]; zs = new double[count];
        }
        if (cellStart.length < ncell + 1) { cellStart = new int[ncell + 1]; cursor = new int[ncell]; }
        java.util.Arrays.fill(cellStart, 0, ncell + 1, 0);
        MemorySegment sx = p.positions(0), sy = p.positions(1), sz = p.positions(2);
        ValueLayout.OfDouble d = ValueLayout.JAVA_DOUBLE;
        for (int i = 0; i < count; i++) {
            int c = cellIndex(sx.getAtIndex(d, i), sy.getAtIndex(d, i), sz.getAtIndex(d, i));
            cellOf[i] = c;
            cellStart[c + 1]++;
        }
        for (int c = 0; c < ncell; c++) {
            cellStart[c + 1] += cellStart[c];
            cursor[c] = cellStart[c];
        }
        for (int i = 0; i < count; i++) {
            int k = cursor[cellOf[i]]++;
            order[k] = i;
            xs[k] = box.wrap(sx.getAtIndex(d, i), 0);
            ys[k] = box.wrap(sy.getAtIndex(d, i), 1);
            zs[k] = box.wrap(sz.getAtIndex(d, i), 2);
        }
        n = count;
    }

    /** The cell holding the periodic image of point (x, y, z) in the box; valid after a build. */
    public int cellIndex(double x, double y, double z) {
        int cx = axisCell(x, 0, nx), cy = axisCell(y, 1, ny), cz = axisCell(z, 2, nz);
        return (cz * ny + cy) * nx + cx;
    }

    private int axisCell(double v, int axis, int cells) {
        double f = (box.wrap(v, axis) - box.lo(axis)) / box.length(axis);
        int c = (int) (f * cells);
        return c >= cells ? cells - 1 : c; // f can round up to 1.0 just below the upper face
    }

    /**
     * The unique neighbour cells of cell c (its stencil, including c), in ascending order. Allocates;
     * meant for tests and occasional use. Valid after a build.
     */
    public int[] neighborCells(int c) {
        int cx = c % nx, cy = (c / nx) % ny, cz = c / (nx * ny);
        int[] rx = runsX[cx];
        int m = 0;
        for (int k = 0; k < rx.length; k += 3) m += rx[k + 1] - rx[k];
        int[] out = new int[nbrZ[cz].length / 2 * (nbrY[cy].length / 2) * m];
        int o = 0;
        for (int kz = 0; kz < nbrZ[cz].length; kz += 2) {
            for (int ky = 0; ky < nbrY[cy].length; ky += 2) {
                int base = (nbrZ[cz][kz] * ny + nbrY[cy][ky]) * nx;
                for (int k = 0; k < rx.length; k += 3) {
                    for (int xc = rx[k]; xc < rx[k + 1]; xc++) out[o++] = base + xc;
                }
            }
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private void geometry(int count) {
        double side = minSide * (1 + SIDE_MARGIN);
        long maxCells = Math.min(1L << 30, Math.max(4096L, 2L * count));
        int gx, gy, gz;
        while (true) {
            gx = cells(box.lx(), side); gy = cells(box.ly(), side); gz = cells(box.lz(), side);
            if ((long) gx * gy * gz <= maxCells) break;
            side *= 1.1;
        }
        if (gx == nx && gy == ny && gz == nz) return;
        nx = gx; ny = gy; nz = gz; ncell = gx * gy * gz;
        nbrY = neighbors(ny);
        nbrZ = neighbors(nz);
        runsX = new int[nx][];
        for (int c = 0; c < nx; c++) {
            if (nx < 3) runsX[c] = new int[] {0, nx, 0};                  // every x cell, once, one run
            else if (c == 0) runsX[c] = new int[] {0, 2, 0, nx - 1, nx, 1};  // cell nx-1 is seen at x - L
            else if (c == nx - 1) runsX[c] = new int[] {nx - 2, nx, 0, 0, 1, -1};
            else runsX[c] = new int[] {c - 1, c + 2, 0};
        }
    }

    private static int cells(double length, double side) {
        double q = Math.floor(length / side);
        return q < 1 ? 1 : q > 1 << 20 ? 1 << 20 : (int) q;
    }

    /**
     * Unique periodic neighbours {c-1, c, c+1} of each c in [0, m) as (cell, shift) pairs: shift +1
     * when c-1 wraps to m-1 (that cell's particles are seen at coordinate − L), −1 when c+1 wraps to 0;
     * all cells with shift 0 when m &lt; 3.
     */
    private static int[][] neighbors(int m) {
        int[][] r = new int[m][];
        for (int c = 0; c < m; c++) {
            if (m < 3) {
                r[c] = new int[2 * m];
                for (int k = 0; k < m; k++) r[c][2 * k] = k;
            } else {
                r[c] = new int[] {c == 0 ? m - 1 : c - 1, c == 0 ? 1 : 0, c, 0, c == m - 1 ? 0 : c + 1, c == m - 1 ? -1 : 0};
            }
        }
        return r;
    }
}
