package org.softglass.core.io;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * One configuration of a trajectory: timestep, box, particles and optional extra per-atom columns.
 *
 * <p>The frame owns its {@link ParticleStore} and frees it in {@link #close()}. Readers return
 * particles <em>sorted by id</em>, so slot k is the same particle in every frame of a trajectory;
 * species are 0-based (LAMMPS type 1 is species 0). Positions in the store are wrapped into the box
 * (σ) with image counts such that the unwrapped position is {@code x + ix L}; velocities (σ/τ) and
 * forces (ε/σ) are filled when the file had them ({@link #hasVelocities()}, {@link #hasForces()}).
 *
 * <p>Extra columns are per-atom doubles in slot order, available by name ({@code fx} is not an extra:
 * it goes into the store; {@code c_peatom}, {@code v_*} and unknown columns are extras; so are
 * coordinate columns that were present but not used, e.g. {@code xu yu zu} when {@code x y z ix iy iz}
 * were read). Names keep their file order.
 */
public final class Frame implements AutoCloseable {
    private final long timestep;
    private final double time;
    private final Box box;
    private final ParticleStore particles;
    private final CoordinateKind coordinates;
    private final boolean imagesKnown, hasVelocities, hasForces;
    private final Map<String, double[]> extras = new LinkedHashMap<>();

    /**
     * @param timestep MD step number (LAMMPS {@code ITEM: TIMESTEP})
     * @param time simulation time in τ, or {@code NaN} if unknown
     * @param box the periodic box
     * @param particles the store; ownership passes to this frame
     * @param coordinates which coordinate kind the positions came from
     * @param imagesKnown whether image counts are meaningful (read as flags or derived from
     *     unwrapped coordinates) rather than just zero
     * @param hasVelocities whether the store's velocities were set
     * @param hasForces whether the store's forces were set
     */
    public Frame(long timestep, double time, Box box, ParticleStore particles, CoordinateKind coordinates,
                 boolean imagesKnown, boolean hasVelocities, boolean hasForces) {
        this.timestep = timestep;
        this.time = time;
        this.box = Objects.requireNonNull(box, "box");
        this.particles = Objects.requireNonNull(particles, "particles");
        this.coordinates = Objects.requireNonNull(coordinates, "coordinates");
        this.imagesKnown = imagesKnown;
        this.hasVelocities = hasVelocities;
        this.hasForces = hasForces;
    }

    /** A frame of wrapped positions with known images and no velocities or forces, for writing. */
    public static Frame of(long timestep, Box box, ParticleStore particles) {
        return new Frame(timestep, Double.NaN, box, particles, CoordinateKind.WRAPPED, true, false, false);
    }

    public long timestep() { return timestep; }
    /** Simulation time in τ, or {@code NaN} if the file did not give it. */
    public double time() { return time; }
    public Box box() { return box; }
    /** The particle store, owned by this frame (do not close it separately). */
    public ParticleStore particles() { return particles; }
    /** Number of particles. */
    public int size() { return particles.size(); }
    public CoordinateKind coordinates() { return coordinates; }
    /** Whether image counts came from the file (flags or unwrapped coordinates) rather than being 0. */
    public boolean imagesKnown() { return imagesKnown; }
    public boolean hasVelocities() { return hasVelocities; }
    public boolean hasForces() { return hasForces; }

    /** Names of the extra columns, in file order (a copy). */
    public List<String> extraNames() { return List.copyOf(extras.keySet()); }

    /** Unmodifiable view of all extra columns by name. */
    public Map<String, double[]> extras() { return Collections.unmodifiableMap(extras); }

    public boolean hasExtra(String name) { return extras.containsKey(name); }

    /**
     * The extra column {@code name}, one value per slot (the array itself, not a copy).
     *
     * @throws IllegalArgumentException listing the available names if there is no such column
     */
    public double[] extra(String name) {
        double[] v = extras.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no extra column '" + name + "'; available: " + extras.keySet());
        }
        return v;
    }

    /**
     * Adds or replaces an extra column. Modifies this frame.
     *
     * @throws IllegalArgumentException if the length is not the particle count or the name is blank
     */
    public Frame putExtra(String name, double[] values) {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("extra column name must be non-empty without spaces: '" + name + "'");
        }
        if (values.length != size()) {
            throw new IllegalArgumentException("extra column '" + name + "' has " + values.length
                    + " values, expected " + size());
        }
        extras.put(name, values);
        return this;
    }

    /**
     * Sorts the particles by id in place (store and extras), so slot order is id order.
     *
     * @return null if all ids are distinct; otherwise the two slots (old order, ascending) holding the
     *     same id, and the order is left unchanged
     */
    int[] sortById() {
        ParticleStore s = particles;
        int n = s.size();
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = s.id(i - 1) < s.id(i);
        if (sorted) return null;
        int[] perm = s.slotsSortedById();
        for (int k = 1; k < n; k++) {
            if (s.id(perm[k]) == s.id(perm[k - 1])) {
                return new int[] {Math.min(perm[k], perm[k - 1]), Math.max(perm[k], perm[k - 1])};
            }
        }
        for (int a = 0; a < 3; a++) {
            permuteDoubles(s.positions(a), perm, n);
            permuteDoubles(s.velocities(a), perm, n);
            permuteDoubles(s.forces(a), perm, n);
            permuteInts(s.images(a), perm, n);
        }
        permuteInts(s.speciesSegment(), perm, n);
        MemorySegment ids = s.idSegment();
        long[] idTmp = new long[n];
        for (int k = 0; k < n; k++) idTmp[k] = ids.getAtIndex(ValueLayout.JAVA_LONG, perm[k]);
        MemorySegment.copy(idTmp, 0, ids, ValueLayout.JAVA_LONG, 0, n);
        for (Map.Entry<String, double[]> e : extras.entrySet()) {
            double[] v = e.getValue(), t = new double[n];
            for (int k = 0; k < n; k++) t[k] = v[perm[k]];
            e.setValue(t);
        }
        return null;
    }

    private static void permuteDoubles(MemorySegment seg, int[] perm, int n) {
        double[] t = new double[n];
        for (int k = 0; k < n; k++) t[k] = seg.getAtIndex(ValueLayout.JAVA_DOUBLE, perm[k]);
        MemorySegment.copy(t, 0, seg, ValueLayout.JAVA_DOUBLE, 0, n);
    }

    private static void permuteInts(MemorySegment seg, int[] perm, int n) {
        int[] t = new int[n];
        for (int k = 0; k < n; k++) t[k] = seg.getAtIndex(ValueLayout.JAVA_INT, perm[k]);
        MemorySegment.copy(t, 0, seg, ValueLayout.JAVA_INT, 0, n);
    }

    /** Frees the particle store. */
    @Override
    public void close() { particles.close(); }

    @Override
    public String toString() {
        return "Frame[timestep=" + timestep + ", n=" + size() + ", " + box + ", " + coordinates
                + (extras.isEmpty() ? "" : ", extras=" + extras.keySet()) + "]";
    }
}
