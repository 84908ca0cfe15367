package org.softglass.core.simulate;

import java.util.SplittableRandom;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * Seeded initial states: random placement, overlap removal, Maxwell–Boltzmann velocities.
 */
public final class InitialState {
    private InitialState() {}

    /**
     * Uniformly random positions in the box (as LAMMPS {@code create_atoms random}); species by
     * composition: the first {@code round(fractions[0]·N)} slots are species 0 (ids 1..N_A), then
     * species 1, and so on; the last species takes the remainder. Velocities zero.
     *
     * @param fractions species fractions, each ≥ 0, summing to 1 (±1e-9)
     */
    public static ParticleStore random(int n, Box box, double[] fractions, long seed) {
        if (n < 2) throw new org.softglass.core.util.InvalidParameter("{n} must be >= 2, got " + n);
        double sum = 0;
        for (double f : fractions) {
            if (!(f >= 0)) throw new IllegalArgumentException("species fractions must be >= 0");
            sum += f;
        }
        if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("species fractions must sum to 1, got " + sum);
        SplittableRandom rnd = new SplittableRandom(seed);
        ParticleStore p = ParticleStore.allocate(n);
        int i = 0;
        for (int s = 0; s < fractions.length; s++) {
            int count = s == fractions.length - 1 ? n - i : (int) Math.round(fractions[s] * n);
            for (int k = 0; k < count && i < n; k++, i++) p.setSpecies(i, s);
        }
        for (int j = 0; j < n; j++) {
            p.setPosition(j, box.lo(0) + rnd.nextDouble() * box.lx(), box.lo(1) + rnd.nextDouble() * box.ly(),
                    box.lo(2) + rnd.nextDouble() * box.lz());
        }
        return p;
    }

    /**
     * The last frame of a trajectory (LAMMPS dump, extended XYZ or GSD) as a start: positions (wrapped into {@code box}, images
     * zero) and species (type − 1) in id order; velocities zero. The frame must hold ids 1..n
     * and a box equal to {@code box} (each length to 1e-9 relative), so a run continues the state
     * it names at the density it claims.
     *
     * @throws IllegalArgumentException naming the file and what differs
     */
    public static ParticleStore fromDump(java.nio.file.Path file, int n, Box box) throws java.io.IOException {
        org.softglass.core.io.Frame last = null;
        try (org.softglass.core.io.TrajectoryReader r = org.softglass.core.io.TrajectoryReader.open(file)) {
            for (org.softglass.core.io.Frame f; (f = r.next()) != null; ) {
                if (last != null) last.close();
                last = f;
            }
        }
        if (last == null) throw new org.softglass.core.util.InvalidParameter("{initial}: " + file + " holds no frame");
        try (org.softglass.core.io.Frame f = last) {
            if (f.size() != n) throw new org.softglass.core.util.InvalidParameter("{initial}: " + file + " has " + f.size() + " particles, expected " + n);
            for (int a = 0; a < 3; a++) {
                double l = f.box().length(a), want = box.length(a);
                if (Math.abs(l - want) > 1e-9 * want) {
                    throw new org.softglass.core.util.InvalidParameter("{initial}: " + file + " box length " + l + " along axis " + a
                            + " differs from " + want + " (N and density of this run)");
                }
            }
            ParticleStore src = f.particles(), p = ParticleStore.allocate(n);
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                long id = src.id(i);
                if (id < 1 || id > n || seen[(int) (id - 1)]) {
                    p.close();
                    throw new org.softglass.core.util.InvalidParameter("{initial}: " + file + " has atom id " + id + ", expected each of 1.." + n + " once");
                }
                int k = (int) (id - 1);
                seen[k] = true;
                p.setId(k, id);
                p.setSpecies(k, src.species(i));
                for (int a = 0; a < 3; a++) {
                    double x = f.box().unwrap(src.pos(i, a), f.imagesKnown() ? src.image(i, a) : 0, a);
                    p.setPos(k, a, box.lo(a) + wrap(x - box.lo(a), box.length(a)));
                }
            }
            return p;
        }
    }

    private static double wrap(double d, double l) {
        double w = d - Math.floor(d / l) * l;
        return w >= l ? 0 : w;
    }

    /**
     * Removes the overlaps of a random configuration by steepest descent with the displacement of
     * the fastest particle capped at {@code maxStep} σ per iteration, until the largest force is below
     * {@code fmaxTarget} (ε/σ) or {@code maxIter} iterations pass. Returns the iterations used.
     * Modifies positions, images and forces. (A capped descent is robust at the astronomically large
     * forces of random placement, where FIRE or CG steps would have to be tiny.)
     */
    public static int removeOverlaps(MdSystem s, double fmaxTarget, double maxStep, int maxIter) {
        ParticleStore p = s.particles();
        int n = p.size();
        double[] vsave = new double[3 * n];
        for (int a = 0; a < 3; a++) for (int i = 0; i < n; i++) vsave[3 * i + a] = p.vel(i, a);
        int it = 0;
        for (; it < maxIter; it++) {
            s.computeForces();
            double fmax2 = 0;
            for (int i = 0; i < n; i++) {
                double f2 = 0;
                for (int a = 0; a < 3; a++) f2 += p.force(i, a) * p.force(i, a);
                fmax2 = Math.max(fmax2, f2);
            }
            double fmax = Math.sqrt(fmax2);
            if (fmax < fmaxTarget) break;
            double h = Math.min(maxStep / fmax, 1e-3);
            // drift by h·F: use the velocity slots as the direction
            for (int a = 0; a < 3; a++) for (int i = 0; i < n; i++) p.velocities(a).setAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i, p.force(i, a));
            s.drift(h);
        }
        for (int i = 0; i < n; i++) p.setVelocity(i, vsave[3 * i], vsave[3 * i + 1], vsave[3 * i + 2]);
        s.computeForces();
        return it;
    }

    /**
     * Gaussian velocities with zero total momentum, scaled so the kinetic temperature
     * {@code Σv²/(3N − 3)} equals T exactly (LAMMPS {@code velocity create T seed dist gaussian mom yes}).
     */
    public static void velocities(ParticleStore p, double temperature, long seed) {
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int n = p.size();
        double[] m = new double[3];
        for (int i = 0; i < n; i++) {
            double vx = gauss(rnd), vy = gauss(rnd), vz = gauss(rnd);
            p.setVelocity(i, vx, vy, vz);
            m[0] += vx; m[1] += vy; m[2] += vz;
        }
        double k2 = 0;
        for (int i = 0; i < n; i++) {
            double vx = p.vel(i, 0) - m[0] / n, vy = p.vel(i, 1) - m[1] / n, vz = p.vel(i, 2) - m[2] / n;
            p.setVelocity(i, vx, vy, vz);
            k2 += vx * vx + vy * vy + vz * vz;
        }
        double f = Math.sqrt(temperature * (3.0 * n - 3.0) / k2);
        for (int i = 0; i < n; i++) p.setVelocity(i, f * p.vel(i, 0), f * p.vel(i, 1), f * p.vel(i, 2));
    }

    private static double gauss(SplittableRandom r) {
        double u1 = r.nextDouble(), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
