package org.softglass.core.space;

/**
 * A periodic orthorhombic simulation box {@code [lo_a, lo_a + L_a)} for a = x, y, z.
 *
 * <p>Minimum image of a separation component d along axis a: {@code d - L_a * rint(d / L_a)}, which
 * lies in {@code [-L_a/2, L_a/2]}. Wrapping a coordinate x: {@code x - L_a * floor((x - lo_a) / L_a)},
 * which changes the particle's image count by {@code floor((x - lo_a) / L_a)}. An unwrapped coordinate
 * is {@code x + image * L_a} (the LAMMPS convention {@code xu = x + ix * Lx}). Lengths are in σ_AA.
 *
 * <p>Immutable. Axis indices are 0 = x, 1 = y, 2 = z.
 */
public final class Box {
    private final double lox, loy, loz, lx, ly, lz;

    /**
     * @param lo lower corner {x, y, z}
     * @param length edge lengths {Lx, Ly, Lz}, each finite and &gt; 0
     * @throws IllegalArgumentException naming the axis if a length is not finite and positive
     */
    public Box(double[] lo, double[] length) {
        if (lo.length != 3 || length.length != 3) {
            throw new IllegalArgumentException("box needs 3 lower bounds and 3 lengths");
        }
        for (int a = 0; a < 3; a++) {
            if (!(length[a] > 0) || !Double.isFinite(length[a])) {
                throw new IllegalArgumentException("box length along " + axisName(a)
                        + " must be finite and > 0, got " + length[a]);
            }
            if (!Double.isFinite(lo[a])) {
                throw new IllegalArgumentException("box lower bound along " + axisName(a) + " must be finite, got " + lo[a]);
            }
        }
        this.lox = lo[0]; this.loy = lo[1]; this.loz = lo[2];
        this.lx = length[0]; this.ly = length[1]; this.lz = length[2];
    }

    /** A cubic box {@code [0, L)^3}. */
    public static Box cubic(double l) {
        return new Box(new double[] {0, 0, 0}, new double[] {l, l, l});
    }

    /** The cubic box {@code [0, L)^3} holding n particles at number density rho: {@code L = (n/rho)^(1/3)}. */
    public static Box cubicForDensity(int n, double rho) {
        if (n <= 0 || !(rho > 0)) {
            throw new IllegalArgumentException("need n > 0 and density > 0, got n=" + n + ", density=" + rho);
        }
        return cubic(Math.cbrt(n / rho));
    }

    /** A box from LAMMPS bounds {@code lo, hi} per axis. */
    public static Box fromBounds(double xlo, double xhi, double ylo, double yhi, double zlo, double zhi) {
        return new Box(new double[] {xlo, ylo, zlo}, new double[] {xhi - xlo, yhi - ylo, zhi - zlo});
    }

    public static String axisName(int axis) {
        return switch (axis) { case 0 -> "x"; case 1 -> "y"; case 2 -> "z"; default -> "axis" + axis; };
    }

    public double lx() { return lx; }
    public double ly() { return ly; }
    public double lz() { return lz; }
    public double lo(int axis) { return axis == 0 ? lox : axis == 1 ? loy : loz; }
    public double hi(int axis) { return lo(axis) + length(axis); }
    public double length(int axis) { return axis == 0 ? lx : axis == 1 ? ly : lz; }
    /** Volume {@code Lx Ly Lz} in σ³. */
    public double volume() { return lx * ly * lz; }
    /** Smallest edge length. */
    public double minLength() { return Math.min(lx, Math.min(ly, lz)); }

    /** Minimum image of a separation component along an axis: {@code d - L rint(d/L)}. */
    public double minimumImage(double d, int axis) {
        double l = length(axis);
        return d - l * Math.rint(d / l);
    }

    /** Squared minimum-image distance between points a and b. */
    public double distanceSquared(double ax, double ay, double az, double bx, double by, double bz) {
        double dx = minimumImage(ax - bx, 0), dy = minimumImage(ay - by, 1), dz = minimumImage(az - bz, 2);
        return dx * dx + dy * dy + dz * dz;
    }

    /** Number of box lengths to subtract to bring x into {@code [lo, lo + L)}: {@code floor((x - lo)/L)}. */
    public int imageShift(double x, int axis) {
        return (int) Math.floor((x - lo(axis)) / length(axis));
    }

    /**
     * Wraps x into {@code [lo, lo + L)}. Round-off can give exactly {@code lo + L} for x just below lo;
     * that case is mapped to lo so the result is always inside.
     */
    public double wrap(double x, int axis) {
        double lo = lo(axis), l = length(axis);
        double w = x - l * Math.floor((x - lo) / l);
        return w >= lo + l ? lo : w;
    }

    /** Unwrapped coordinate {@code x + image L}. */
    public double unwrap(double x, int image, int axis) {
        return x + image * length(axis);
    }

    /** Whether this box equals another to within an absolute tolerance on bounds. */
    public boolean sameAs(Box o, double tol) {
        for (int a = 0; a < 3; a++) {
            if (Math.abs(lo(a) - o.lo(a)) > tol || Math.abs(length(a) - o.length(a)) > tol) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "Box[" + lox + "+" + lx + ", " + loy + "+" + ly + ", " + loz + "+" + lz + "]";
    }
}
