package org.softglass.core.simd;

import org.softglass.core.space.Box;

/**
 * Edge lengths of a periodic orthorhombic box and their reciprocals, the inputs of the distance
 * kernels' minimum image.
 *
 * <p>The kernels' minimum image of a separation component d along axis a is
 * {@code d - L_a * rint(d * invL_a)} with {@code invL_a = 1.0 / L_a} (Math.rint: round half to
 * even). It lies in {@code [-L_a/2, L_a/2]} up to rounding. It differs from
 * {@link Box#minimumImage(double, int)} (which divides by L) only when {@code d/L} is within an ulp
 * or so of a half-integer, i.e. for separations of half a box, which are never inside a valid
 * neighbour-list radius (L &gt; 2 r_list). Valid for {@code |d / L| < 2^51}. Lengths in σ.
 *
 * @param lx box length along x (σ), finite and &gt; 0
 * @param ly box length along y (σ)
 * @param lz box length along z (σ)
 * @param ilx {@code 1.0 / lx}
 * @param ily {@code 1.0 / ly}
 * @param ilz {@code 1.0 / lz}
 */
public record PeriodicLengths(double lx, double ly, double lz, double ilx, double ily, double ilz) {

    /** The lengths of {@code box} with their reciprocals. */
    public static PeriodicLengths of(Box box) {
        return of(box.lx(), box.ly(), box.lz());
    }

    /** Lengths {@code lx, ly, lz} (each finite and &gt; 0) with their reciprocals. */
    public static PeriodicLengths of(double lx, double ly, double lz) {
        if (!(lx > 0 && ly > 0 && lz > 0) || !Double.isFinite(lx) || !Double.isFinite(ly) || !Double.isFinite(lz)) {
            throw new IllegalArgumentException("box lengths must be finite and > 0, got " + lx + ", " + ly + ", " + lz);
        }
        return new PeriodicLengths(lx, ly, lz, 1.0 / lx, 1.0 / ly, 1.0 / lz);
    }

    /**
     * The reference minimum-image squared distance of separation (dx, dy, dz):
     * each component reduced by {@code d - L rint(d invL)}, then {@code (dx² + dy²) + dz²} in that
     * order. Both kernels reproduce this value bit for bit.
     */
    public double distanceSquared(double dx, double dy, double dz) {
        dx -= lx * Math.rint(dx * ilx);
        dy -= ly * Math.rint(dy * ily);
        dz -= lz * Math.rint(dz * ilz);
        return dx * dx + dy * dy + dz * dz;
    }
}
