package org.softglass.bench;

import java.util.SplittableRandom;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/** Benchmark configurations. */
public final class KaSystems {
    private KaSystems() {}

    /** A configuration and its periodic box. The particles are owned by the caller (close them). */
    public record Config(ParticleStore particles, Box box) {}

    /**
     * A KA-like configuration of n particles at number density rho: n of the m³ sites of a simple
     * cubic lattice (m = ceil(n^⅓)) chosen at random, each jittered by up to ±0.15 lattice spacings,
     * 80 % species A. Neighbour counts within a radius are those of the liquid at that density; no
     * two particles overlap (minimum distance ≥ 0.7 spacing), so forces stay finite. The box is
     * {@link Box#cubicForDensity}(n, rho).
     */
    public static Config lattice(int n, double rho, long seed) {
        Box box = Box.cubicForDensity(n, rho);
        int m = (int) Math.ceil(Math.cbrt(n));
        double a = box.lx() / m;
        int[] sites = new int[m * m * m];
        for (int i = 0; i < sites.length; i++) sites[i] = i;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = sites.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = sites[i]; sites[i] = sites[j]; sites[j] = t;
        }
        ParticleStore p = ParticleStore.allocate(n);
        int na = (int) Math.round(0.8 * n);
        for (int i = 0; i < n; i++) {
            int s = sites[i], ix = s % m, iy = (s / m) % m, iz = s / (m * m);
            p.setPosition(i, (ix + 0.5 + 0.3 * (rnd.nextDouble() - 0.5)) * a,
                    (iy + 0.5 + 0.3 * (rnd.nextDouble() - 0.5)) * a,
                    (iz + 0.5 + 0.3 * (rnd.nextDouble() - 0.5)) * a);
            p.setSpecies(i, i < na ? 0 : 1);
        }
        return new Config(p, box);
    }
}
