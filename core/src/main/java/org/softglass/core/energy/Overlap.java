package org.softglass.core.energy;

import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * The likely cause of a non-finite energy: the closest pair among the particles whose force is not
 * finite, found after the fact (only on the failure path).
 *
 * <p>Cost: each particle with a non-finite force component (at most {@link #MAX_CANDIDATES} of them)
 * is compared with every other particle, O(k·N); when no force is non-finite (an infinite energy with
 * finite forces) and N ≤ {@link #FULL_SCAN_LIMIT}, every pair is scanned, O(N²). Otherwise nothing is
 * found.
 *
 * @param slotI slot of the first particle
 * @param slotJ slot of the second particle
 * @param idI id of the first particle
 * @param idJ id of the second particle
 * @param distance minimum-image distance between them (σ)
 */
public record Overlap(int slotI, int slotJ, long idI, long idJ, double distance) {
    /** At most this many particles with non-finite forces are searched from. */
    static final int MAX_CANDIDATES = 64;
    /** Largest N for the all-pairs fallback. */
    static final int FULL_SCAN_LIMIT = 20_000;

    /**
     * Finds the closest pair involving a particle with a non-finite force (the store's forces, as the
     * last force computation left them). Reads the store only.
     *
     * @return the pair, or null if none could be identified cheaply (N &lt; 2, too many candidates, or
     *     positions that are themselves not finite)
     */
    public static Overlap find(ParticleStore p, Box box) {
        int n = p.size();
        if (n < 2) return null;
        int[] cand = new int[MAX_CANDIDATES];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!(Double.isFinite(p.force(i, 0)) && Double.isFinite(p.force(i, 1)) && Double.isFinite(p.force(i, 2)))) {
                if (k == cand.length) return null;
                cand[k++] = i;
            }
        }
        if (k == 0 && n > FULL_SCAN_LIMIT) return null;
        Overlap best = null;
        int rows = k == 0 ? n : k;
        for (int c = 0; c < rows; c++) {
            int i = k == 0 ? c : cand[c];
            for (int j = k == 0 ? i + 1 : 0; j < n; j++) {
                if (j == i) continue;
                double d = Math.sqrt(box.distanceSquared(p.x(i), p.y(i), p.z(i), p.x(j), p.y(j), p.z(j)));
                if (!(d >= 0)) continue;   // a position already NaN: no distance to report
                if (best == null || d < best.distance) {
                    best = new Overlap(Math.min(i, j), Math.max(i, j), p.id(Math.min(i, j)), p.id(Math.max(i, j)), d);
                }
            }
        }
        return best;
    }

    /** "particles (ids) 3 and 7 overlap (distance 0.0 σ)". */
    public String describe() {
        return "particles (ids) " + idI + " and " + idJ + " overlap (distance " + distance + " sigma)";
    }
}
