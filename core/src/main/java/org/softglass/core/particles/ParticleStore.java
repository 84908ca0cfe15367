package org.softglass.core.particles;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.softglass.core.space.Box;

/**
 * Off-heap structure-of-arrays store for N point particles of unit mass.
 *
 * <p>Layout: one {@link MemorySegment} per component, each indexed by the particle slot
 * {@code i = 0..N-1}: positions {@code x, y, z} (double, σ; wrapped into the box unless stated),
 * velocities {@code vx, vy, vz} (double, σ/τ), forces {@code fx, fy, fz} (double, ε/σ), species
 * (int, 0-based: 0 = A, 1 = B, ...), image counts {@code ix, iy, iz} (int; unwrapped = x + ix L) and
 * ids (long, as in the input file; need not be sorted). No per-particle objects exist, so the heap
 * does not grow with N: 10⁷ particles take ≈ 1 GB off-heap.
 *
 * <p>The memory belongs to an {@link Arena}: either one the store creates (shared, freed by
 * {@link #close()}) or one the caller passes and closes. Accessors do not check that the arena is
 * alive beyond what the FFM runtime checks. Slot order is the storage order; {@link #id(int)} maps a
 * slot to the particle's id. Not thread-safe for concurrent writes to the same slot.
 */
public final class ParticleStore implements AutoCloseable {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG;

    /** Off-heap bytes per particle: 3×3 doubles (positions, velocities, forces), a long id, 4 ints. */
    public static final long BYTES_PER_PARTICLE = 9 * 8 + 8 + 4 * 4;

    private final Arena arena;
    private final boolean ownsArena;
    private final int n;
    private final MemorySegment x, y, z, vx, vy, vz, fx, fy, fz, species, ix, iy, iz, id;

    private ParticleStore(Arena arena, boolean ownsArena, int n) {
        if (n < 0) throw new IllegalArgumentException("particle count must be >= 0, got " + n);
        this.arena = arena;
        this.ownsArena = ownsArena;
        this.n = n;
        long nd = Math.max(1, n) * 8L, ni = Math.max(1, n) * 4L;
        x = arena.allocate(nd, 64); y = arena.allocate(nd, 64); z = arena.allocate(nd, 64);
        vx = arena.allocate(nd, 64); vy = arena.allocate(nd, 64); vz = arena.allocate(nd, 64);
        fx = arena.allocate(nd, 64); fy = arena.allocate(nd, 64); fz = arena.allocate(nd, 64);
        species = arena.allocate(ni, 64);
        ix = arena.allocate(ni, 64); iy = arena.allocate(ni, 64); iz = arena.allocate(ni, 64);
        id = arena.allocate(nd, 64);
        for (int i = 0; i < n; i++) id.setAtIndex(L, i, i + 1L);
    }

    /** Allocates a zeroed store in its own shared arena (ids 1..N); free it with {@link #close()}. */
    public static ParticleStore allocate(int n) {
        return new ParticleStore(Arena.ofShared(), true, n);
    }

    /** Allocates a zeroed store in the caller's arena (ids 1..N); {@link #close()} then does nothing. */
    public static ParticleStore allocate(Arena arena, int n) {
        return new ParticleStore(arena, false, n);
    }

    public int size() { return n; }

    // --- scalar accessors (slot i) ---
    public double x(int i) { return x.getAtIndex(D, i); }
    public double y(int i) { return y.getAtIndex(D, i); }
    public double z(int i) { return z.getAtIndex(D, i); }
    /** Position component a (0 = x, 1 = y, 2 = z). */
    public double pos(int i, int a) { return positions(a).getAtIndex(D, i); }
    public void setPosition(int i, double px, double py, double pz) {
        x.setAtIndex(D, i, px); y.setAtIndex(D, i, py); z.setAtIndex(D, i, pz);
    }
    public void setPos(int i, int a, double v) { positions(a).setAtIndex(D, i, v); }

    public double vel(int i, int a) { return velocities(a).getAtIndex(D, i); }
    public void setVelocity(int i, double ux, double uy, double uz) {
        vx.setAtIndex(D, i, ux); vy.setAtIndex(D, i, uy); vz.setAtIndex(D, i, uz);
    }
    public double force(int i, int a) { return forces(a).getAtIndex(D, i); }
    public void setForce(int i, double gx, double gy, double gz) {
        fx.setAtIndex(D, i, gx); fy.setAtIndex(D, i, gy); fz.setAtIndex(D, i, gz);
    }
    public int species(int i) { return species.getAtIndex(I, i); }
    public void setSpecies(int i, int s) {
        if (s < 0) throw new IllegalArgumentException("species must be >= 0, got " + s + " at slot " + i);
        species.setAtIndex(I, i, s);
    }
    public int image(int i, int a) { return images(a).getAtIndex(I, i); }
    public void setImage(int i, int a, int m) { images(a).setAtIndex(I, i, m); }
    public long id(int i) { return id.getAtIndex(L, i); }
    public void setId(int i, long v) { id.setAtIndex(L, i, v); }

    /** Unwrapped position component {@code pos + image L}. */
    public double unwrapped(int i, int a, Box box) { return box.unwrap(pos(i, a), image(i, a), a); }

    // --- segments, for kernels ---
    public MemorySegment positions(int a) { return a == 0 ? x : a == 1 ? y : z; }
    public MemorySegment velocities(int a) { return a == 0 ? vx : a == 1 ? vy : vz; }
    public MemorySegment forces(int a) { return a == 0 ? fx : a == 1 ? fy : fz; }
    public MemorySegment images(int a) { return a == 0 ? ix : a == 1 ? iy : iz; }
    public MemorySegment speciesSegment() { return species; }
    public MemorySegment idSegment() { return id; }

    /** Number of species: 1 + the largest species index (0 for an empty store). */
    public int speciesCount() {
        int m = -1;
        for (int i = 0; i < n; i++) m = Math.max(m, species.getAtIndex(I, i));
        return m + 1;
    }

    /** Count of particles of each species, length {@link #speciesCount()}. */
    public int[] speciesCounts() {
        int[] c = new int[speciesCount()];
        for (int i = 0; i < n; i++) c[species.getAtIndex(I, i)]++;
        return c;
    }

    /**
     * The largest displacement |Δr| (σ) of any particle between this store and {@code other} (the
     * same particles in the same slots), on unwrapped positions in {@code box}. Modifies nothing.
     */
    public double maxDisplacement(ParticleStore other, Box box) {
        double m = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int a = 0; a < 3; a++) {
                double d = unwrapped(i, a, box) - other.unwrapped(i, a, box);
                s += d * d;
            }
            m = Math.max(m, Math.sqrt(s));
        }
        return m;
    }

    /**
     * Wraps every position into the box and adds the shifts to the image counts, so unwrapped
     * positions are unchanged. Modifies positions and images.
     */
    public void wrapInto(Box box) {
        for (int a = 0; a < 3; a++) {
            MemorySegment p = positions(a), im = images(a);
            for (int i = 0; i < n; i++) {
                double v = p.getAtIndex(D, i);
                int s = box.imageShift(v, a);
                if (s != 0 || v >= box.hi(a)) {
                    p.setAtIndex(D, i, box.wrap(v, a));
                    im.setAtIndex(I, i, im.getAtIndex(I, i) + s);
                }
            }
        }
    }

    /** Sets every force component to zero. */
    public void clearForces() {
        fx.fill((byte) 0); fy.fill((byte) 0); fz.fill((byte) 0);
    }

    /** A deep copy in a new shared arena. */
    public ParticleStore copy() {
        ParticleStore c = allocate(n);
        copyInto(c);
        return c;
    }

    /** Copies every component into {@code dst}, which must have the same size. Modifies dst. */
    public void copyInto(ParticleStore dst) {
        if (dst.n != n) throw new IllegalArgumentException("size mismatch: " + n + " vs " + dst.n);
        MemorySegment[] s = all(), d = dst.all();
        for (int k = 0; k < s.length; k++) d[k].copyFrom(s[k]);
    }

    /**
     * Copies slots {@code [0, count)} of every component into the same slots of {@code dst} (for a
     * store that grows as rows arrive). Modifies dst.
     *
     * @throws IllegalArgumentException if either store has fewer than {@code count} slots
     */
    public void copyPrefixInto(ParticleStore dst, int count) {
        if (count < 0 || count > n || count > dst.n) {
            throw new IllegalArgumentException("cannot copy " + count + " slots from " + n + " into " + dst.n);
        }
        MemorySegment[] s = all(), d = dst.all();
        for (int k = 0; k < s.length; k++) {
            long b = (long) count * (s[k].byteSize() / Math.max(1, n));
            MemorySegment.copy(s[k], 0, d[k], 0, b);
        }
    }

    /**
     * A store of {@code capacity} slots holding this store's slots {@code [0, filled)}; this store is
     * closed (for a store that grows as rows arrive: {@code store = store.grow(2 * cap, i)}).
     *
     * @throws IllegalArgumentException if {@code filled} exceeds either store's size
     */
    public ParticleStore grow(int capacity, int filled) {
        ParticleStore bigger = allocate(capacity);
        try {
            copyPrefixInto(bigger, filled);
        } catch (RuntimeException e) {
            bigger.close();
            throw e;
        }
        close();
        return bigger;
    }

    private MemorySegment[] all() {
        return new MemorySegment[] {x, y, z, vx, vy, vz, fx, fy, fz, species, ix, iy, iz, id};
    }

    /**
     * Slots ordered by increasing id: {@code r[k]} is the slot holding the k-th smallest id.
     * Uses a primitive sort of (id, slot) pairs, so no per-particle objects are created.
     */
    public int[] slotsSortedById() {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = id(i);
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        org.softglass.core.util.Sorting.sortIndicesByKey(keys, r);
        return r;
    }

    @Override
    public void close() {
        if (ownsArena) arena.close();
    }
}
