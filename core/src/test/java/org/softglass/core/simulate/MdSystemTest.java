package org.softglass.core.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;

/** The fused, parallel integrator passes of {@link MdSystem} against the plain passes, bit for bit. */
class MdSystemTest {
    private static final int N = 3001; // several PASS_CHUNKs and a partial one

    private static MdSystem system(int threads, Box box) {
        ParticleStore p = Configs.random(N, box, 0.8, 0.8, 3);
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < N; i++) {
            p.setVelocity(i, r.nextGaussian(), r.nextGaussian(), r.nextGaussian());
            p.setForce(i, 50 * r.nextGaussian(), 50 * r.nextGaussian(), 50 * r.nextGaussian());
        }
        return new MdSystem(p, box, Models.ka(), MdSystem.DEFAULT_SKIN, threads);
    }

    private static double[][] state(MdSystem s) {
        ParticleStore p = s.particles();
        double[][] st = new double[10][N];
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < 3; a++) {
                st[a][i] = p.pos(i, a);
                st[3 + a][i] = p.vel(i, a);
                st[6 + a][i] = p.image(i, a);
            }
        }
        return st;
    }

    /**
     * The MD list holds each KA species pair only out to its own cutoff + skin (AB 2.3, BB 2.5, AA 2.8):
     * fewer entries than one radius 2.8 for all, and forces, energy and virial equal to those over the
     * plain list of radius 2.8 (the dropped pairs are all beyond their cutoff; sums regrouped, so to
     * round-off: 1e-12 relative to the largest force component).
     */
    @Test
    void perSpeciesListRadiiGiveTheSameForces() {
        Box box = Box.cubicForDensity(N, 1.2);
        try (MdSystem s = system(1, box);
             org.softglass.core.partition.VerletList plain = new org.softglass.core.partition.VerletList(box, 2.5, MdSystem.DEFAULT_SKIN,
                     org.softglass.core.partition.NeighborList.Kind.FULL, 1);
             org.softglass.core.energy.ForceCompute fc = new org.softglass.core.energy.ForceCompute(Models.ka(), 1)) {
            org.softglass.core.energy.ForceCompute.Result r = s.computeEnergy();
            ParticleStore p = s.particles();
            double[][] f = new double[3][N];
            for (int i = 0; i < N; i++) for (int a = 0; a < 3; a++) f[a][i] = p.force(i, a);
            plain.update(p);
            double[] e = new double[N];
            org.softglass.core.energy.ForceCompute.Result ref = fc.compute(p, box, plain.list(), e);
            org.junit.jupiter.api.Assertions.assertTrue(s.verletList().list().entries() < 0.9 * plain.list().entries() / 2,
                    s.verletList().list().entries() + " HALF entries against " + plain.list().entries() + " FULL");
            double scale = 0;
            for (int i = 0; i < N; i++) for (int a = 0; a < 3; a++) scale = Math.max(scale, Math.abs(p.force(i, a)));
            for (int i = 0; i < N; i++) for (int a = 0; a < 3; a++) assertEquals(p.force(i, a), f[a][i], 1e-12 * scale, "force " + i + " " + a);
            assertEquals(ref.energy(), r.energy(), 1e-12 * Math.abs(ref.energy()));
            assertEquals(ref.virial(), r.virial(), 1e-12 * Math.abs(ref.virial()));
        }
    }

    /**
     * {@code scaleKickDrift(s, k, d)} equals {@code scaleVelocities(s); kick(k); drift(d)} and
     * {@code kickAndSumSquares(c)} equals {@code kick(c)} then {@code 2·kineticEnergy()}, bit for bit,
     * with drifts big enough to cross the box faces (images counted); the kinetic energy does not
     * depend on the thread count.
     */
    @Test
    void fusedPassesEqualTheSeparateOnes() {
        Box box = Box.cubicForDensity(N, 1.2);
        double ke1;
        try (MdSystem a = system(1, box)) { ke1 = a.kineticEnergy(); }
        for (int threads : new int[] {1, 2, 3}) {
            try (MdSystem a = system(threads, box); MdSystem b = system(threads, box)) {
                assertEquals(ke1, a.kineticEnergy(), 0.0, threads + " threads");
                for (int step = 0; step < 3; step++) {
                    double s = 0.97 + 0.01 * step, k = 0.0025, d = 0.4;
                    a.scaleKickDrift(s, k, d);
                    b.scaleVelocities(s);
                    b.kick(k);
                    b.drift(d);
                    double[][] sa = state(a), sb = state(b);
                    for (int c = 0; c < 9; c++) assertArrayEquals(sb[c], sa[c], 0.0, "column " + c + ", step " + step);
                    double two = a.kickAndSumSquares(k);
                    b.kick(k);
                    assertEquals(2 * b.kineticEnergy(), two, 0.0);
                    sa = state(a);
                    sb = state(b);
                    for (int c = 3; c < 6; c++) assertArrayEquals(sb[c], sa[c], 0.0, "velocities after the closing kick");
                }
                long crossed = 0;
                for (int i = 0; i < N; i++) for (int ax = 0; ax < 3; ax++) crossed += a.particles().image(i, ax) != 0 ? 1 : 0;
                org.junit.jupiter.api.Assertions.assertTrue(crossed > 100, "the test must exercise the wrapping, crossed " + crossed);
            }
        }
    }
}
