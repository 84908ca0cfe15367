package org.softglass.core.structure;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.CellList;
import org.softglass.core.simd.PeriodicLengths;
import org.softglass.core.space.Box;
import org.softglass.core.util.MemoryBudget;

/**
 * The per-frame search structure for neighbours within rmax (read-only once built, shared by the
 * worker threads): positions wrapped into the box (by slot), species, and either
 * <ul>
 * <li>a {@link CellList} of side ≥ rmax with the wrapped coordinates gathered in cell order
 *   (every box length &gt; 2 rmax, so each pair has at most one image within rmax: the minimum image), or</li>
 * <li>for smaller boxes, the image range {@code m_a = ceil(rmax / L_a + 1/2)} per axis: neighbours are
 *   then all periodic images {@code r_j + n L − r_i} with |n_a| ≤ m_a and distance &lt; rmax, which
 *   counts a particle once per image within rmax (the sum over the infinite periodic system).</li>
 * </ul>
 * Both give the same set when every L_a &gt; 2 rmax.
 */
final class FrameGeometry {
    final Box box;
    final PeriodicLengths lengths;
    final int n;
    final double rmax, r2max;
    final double[] wx, wy, wz;     // wrapped positions by slot
    final int[] species;           // by slot
    final long[] ids;              // by slot
    // cell mode
    final CellList cells;
    final double[] cx, cy, cz;     // wrapped positions in cell order
    final int[] cslot;             // slot at each cell-order position
    final int[][] stencil;         // neighbour cells of each cell
    // image mode
    final int mx, my, mz;

    /** Bytes held per neighbour of a centre by {@link Neighbourhood}: 6 double and 2 int arrays. */
    static final long BYTES_PER_NEIGHBOUR = 6 * 8 + 2 * 4;

    /**
     * @throws IllegalArgumentException if rmax is so large against the box that the neighbours of one
     *     centre (all periodic images within rmax, about N · (4/3)π rmax³ / V) cannot fit in memory
     */
    FrameGeometry(Box box, ParticleStore p, double rmax) {
        double images = p.size() * (4.0 / 3.0) * Math.PI * rmax * rmax * rmax / box.volume();
        long need = images >= Long.MAX_VALUE / BYTES_PER_NEIGHBOUR ? Long.MAX_VALUE : (long) images * BYTES_PER_NEIGHBOUR;
        if (!MemoryBudget.fits(need)) {
            throw new IllegalArgumentException(MemoryBudget.describe(need, "rmax " + rmax + " in a box of side " + box.minLength()
                    + " (" + String.format(java.util.Locale.ROOT, "%.3g", images) + " periodic neighbours per centre)")
                    + "; expected rmax of a few sigma, at most about half the box");
        }
        this.box = box;
        this.lengths = PeriodicLengths.of(box);
        this.n = p.size();
        this.rmax = rmax;
        this.r2max = rmax * rmax;
        wx = new double[n]; wy = new double[n]; wz = new double[n];
        species = new int[n];
        ids = new long[n];
        MemorySegment sx = p.positions(0), sy = p.positions(1), sz = p.positions(2);
        ValueLayout.OfDouble d = ValueLayout.JAVA_DOUBLE;
        for (int i = 0; i < n; i++) {
            double x = sx.getAtIndex(d, i), y = sy.getAtIndex(d, i), z = sz.getAtIndex(d, i);
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
                throw new IllegalArgumentException("particle id " + p.id(i) + " has a non-finite position");
            }
            wx[i] = box.wrap(x, 0); wy[i] = box.wrap(y, 1); wz[i] = box.wrap(z, 2);
            species[i] = p.species(i);
            ids[i] = p.id(i);
        }
        boolean small = box.minLength() <= 2 * rmax;
        if (!small) {
            cells = new CellList(box, rmax);
            cells.build(p);
            cx = new double[n]; cy = new double[n]; cz = new double[n]; cslot = new int[n];
            for (int k = 0; k < n; k++) {
                int s = cells.slotAt(k);
                cslot[k] = s; cx[k] = wx[s]; cy[k] = wy[s]; cz[k] = wz[s];
            }
            stencil = new int[cells.cellCount()][];
            mx = my = mz = 0;
        } else {
            cells = null; cx = cy = cz = null; cslot = null; stencil = null;
            mx = (int) Math.ceil(rmax / box.lx() + 0.5);
            my = (int) Math.ceil(rmax / box.ly() + 0.5);
            mz = (int) Math.ceil(rmax / box.lz() + 0.5);
        }
    }

    boolean cellMode() { return cells != null; }

    /** The stencil of cell c (computed once, then cached; the cache race is benign: same content). */
    int[] stencil(int c) {
        int[] s = stencil[c];
        if (s == null) {
            s = cells.neighborCells(c);
            stencil[c] = s;
        }
        return s;
    }
}
