package org.softglass.core.trsp;

import java.util.List;

/**
 * The shape of a rearranging cluster (paper {@code 002} §IV): a single site (m = 1) or a
 * nearest-neighbour square plaquette (m = 4) in one of three orientations.
 *
 * <p>A cluster is a shape plus an anchor site a; its sites are {@code a + offset} for the offsets
 * below (periodically wrapped). Every site belongs to exactly {@link #perSite} clusters of the
 * shapes of one size: z = 1 for m = 1, and z = 3 orientations × 4 corners = 12 for m = 4.
 */
public enum ClusterShape {
    /** One site. */
    SITE(new int[][]{{0, 0, 0}}),
    /** Plaquette in the xy plane: a, a+x̂, a+ŷ, a+x̂+ŷ. */
    PLAQUETTE_XY(new int[][]{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}}),
    /** Plaquette in the yz plane. */
    PLAQUETTE_YZ(new int[][]{{0, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 1, 1}}),
    /** Plaquette in the xz plane. */
    PLAQUETTE_XZ(new int[][]{{0, 0, 0}, {1, 0, 0}, {0, 0, 1}, {1, 0, 1}});

    private final int[][] offsets;

    ClusterShape(int[][] offsets) { this.offsets = offsets; }

    /** m, the number of sites. */
    public int size() { return offsets.length; }

    /** Offset k (a copy: {dx, dy, dz}). */
    public int[] offset(int k) { return offsets[k].clone(); }

    /** The sites of the cluster anchored at {@code anchor} on lattice {@code lat}. */
    public int[] sites(Lattice lat, int anchor) {
        int[] s = new int[offsets.length];
        for (int k = 0; k < s.length; k++) s[k] = lat.shift(anchor, offsets[k][0], offsets[k][1], offsets[k][2]);
        return s;
    }

    /** The shapes of rearrangements of m sites: m = 1 → [SITE]; m = 4 → the three plaquettes. */
    public static List<ClusterShape> forSize(int m) {
        return switch (m) {
            case 1 -> List.of(SITE);
            case 4 -> List.of(PLAQUETTE_XY, PLAQUETTE_YZ, PLAQUETTE_XZ);
            default -> throw new IllegalArgumentException("cluster size m must be 1 or 4, got " + m);
        };
    }

    /** z_m, the number of clusters of size m containing a given site (1 or 12). */
    public static int perSite(int m) { return forSize(m).size() * m; }
}
