package org.softglass.core.rearrange;

/**
 * What every p_hop row refers to.
 *
 * @param source the trajectory file name (for messages)
 * @param ids LAMMPS ids, ascending; column k of a row is particle {@code ids[k]}
 * @param types LAMMPS types (1 = A, 2 = B) of the columns
 * @param tR requested window t_R (τ)
 * @param dt MD timestep (τ)
 * @param frameSpacing Δ between frames (τ)
 * @param halfWindow h = round((t_R/2)/Δ) frames; the window actually used is 2hΔ
 * @param trajectory the trajectory's identity (file and SHA-256), recorded in phop.json; null only for
 *     a phop.json written before softglass recorded it
 */
public record PhopHeader(String source, long[] ids, int[] types, double tR, double dt, double frameSpacing, int halfWindow,
                         org.softglass.core.io.TrajectoryRef trajectory) {
    /** Number of particles N. */
    public int size() { return ids.length; }

    /**
     * Checks a sink's slot selection against these columns (the check each selecting {@link PhopSink#start} makes).
     *
     * @param selected which slots count (null: all; not modified)
     * @throws IllegalArgumentException when it has another length than {@link #size()}
     */
    public void checkSelection(boolean[] selected) {
        if (selected != null && selected.length != size()) {
            throw new IllegalArgumentException("selection has " + selected.length + " slots, expected " + size());
        }
    }

    /** The window actually used, {@code 2 h Δ} (τ). */
    public double effectiveTR() { return 2 * halfWindow * frameSpacing; }
}
