package org.softglass.core.trsp;

/**
 * A periodic simple-cubic lattice of side {@code L} (lattice spacing 1), {@code N = L³} sites.
 *
 * <p>Site index {@code i = x + L·(y + L·z)}, {@code 0 ≤ x, y, z < L}. Displacements use the minimum
 * image convention: each component is mapped into {@code [−L/2, L/2)} (so for even L the
 * displacement L/2 is represented as −L/2; its length is the same either way).
 */
public final class Lattice {
    private final int side;
    private final int sites;
    private final int[] wrap;   // wrap[c + L] = c mod L for c in [−L, 2L)

    /** @param side L ≥ 2 */
    public Lattice(int side) {
        if (side < 2 || side > 1290) throw new IllegalArgumentException("lattice side L must be in [2, 1290], got " + side);
        this.side = side;
        this.sites = side * side * side;
        wrap = new int[3 * side];
        for (int c = -side; c < 2 * side; c++) wrap[c + side] = Math.floorMod(c, side);
    }

    /** L. */
    public int side() { return side; }

    /** N = L³. */
    public int sites() { return sites; }

    /** Index of the site (x, y, z), each coordinate taken modulo L. */
    public int index(int x, int y, int z) {
        return Math.floorMod(x, side) + side * (Math.floorMod(y, side) + side * Math.floorMod(z, side));
    }

    /** x of site i. */
    public int x(int i) { return i % side; }

    /** y of site i. */
    public int y(int i) { return (i / side) % side; }

    /** z of site i. */
    public int z(int i) { return i / (side * side); }

    /** The site reached from i by the displacement (dx, dy, dz), periodically wrapped. */
    public int shift(int i, int dx, int dy, int dz) {
        int l = side, x = i % l, yz = i / l, y = yz % l, z = yz / l;
        if (dx > l || dx < -l || dy > l || dy < -l || dz > l || dz < -l) return index(x + dx, y + dy, z + dz);
        return wrap[x + dx + l] + l * (wrap[y + dy + l] + l * wrap[z + dz + l]);
    }

    /** Minimum-image component of an integer displacement d, in [−L/2, L/2). */
    public int minImage(int d) {
        int m = Math.floorMod(d, side);
        return m >= side - side / 2 ? m - side : m;
    }

    /** Squared minimum-image distance between sites i and j. */
    public int distance2(int i, int j) {
        int dx = minImage(x(j) - x(i)), dy = minImage(y(j) - y(i)), dz = minImage(z(j) - z(i));
        return dx * dx + dy * dy + dz * dz;
    }

    /** Minimum-image distance between sites i and j (lattice units). */
    public double distance(int i, int j) { return Math.sqrt(distance2(i, j)); }
}
