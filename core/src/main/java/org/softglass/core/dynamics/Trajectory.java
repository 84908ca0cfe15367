package org.softglass.core.dynamics;

import java.util.Objects;
import org.softglass.core.space.Box;

/**
 * Unwrapped positions of N particles at F frames, equally spaced in time (the lag analysis assumes
 * a constant spacing {@code dt}). Positions of frame f are {@code positions[f]}, 3N doubles with
 * particle i's coordinate a at {@code 3i + a} (σ). Immutable by convention (arrays are not copied).
 *
 * @param box the periodic box (for the volume and S(q))
 * @param species species per particle (N)
 * @param dt time between frames (τ), &gt; 0
 * @param positions F × 3N unwrapped positions
 */
public record Trajectory(Box box, int[] species, double dt, double[][] positions) {
    public Trajectory {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(species, "species");
        if (!(dt > 0) || !Double.isFinite(dt)) throw new IllegalArgumentException("frame spacing dt must be finite and > 0, got " + dt);
        if (positions.length < 2) throw new IllegalArgumentException("a trajectory needs at least 2 frames, got " + positions.length);
        for (int f = 0; f < positions.length; f++) {
            if (positions[f].length != 3 * species.length) {
                throw new IllegalArgumentException("frame " + f + " has " + positions[f].length / 3 + " particles, expected " + species.length);
            }
        }
    }

    /** Number of particles N. */
    public int size() { return species.length; }
    /** Number of frames F. */
    public int frames() { return positions.length; }

    /** Mean volume per particle's edge a0 = (V/N)^⅓ (σ). */
    public double a0() { return ReducedUnits.a0(box.volume(), size()); }

    /** Whether particle i is selected by a species filter (−1 = all). */
    boolean selected(int i, int speciesFilter) { return speciesFilter < 0 || species[i] == speciesFilter; }
}
