package org.softglass.core.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.simd.DistanceKernel;
import org.softglass.core.simd.DistanceKernels;
import org.softglass.core.space.Box;

class VerletListTest {
    private static final double CUT = 2.5, SKIN = 0.3;

    @Test
    void rebuildsOnlyWhenAParticleMovesMoreThanHalfTheSkin() {
        for (DistanceKernel k : new DistanceKernel[] {DistanceKernels.scalar(), DistanceKernels.panama()}) {
            Box box = Box.cubicForDensity(503, 1.2);
            try (ParticleStore p = Oracle.random(box, 503, 11);
                    VerletList v = new VerletList(box, CUT, SKIN, NeighborList.Kind.HALF, 2, k)) {
                assertThrows(IllegalStateException.class, v::list);
                assertTrue(v.update(p));
                assertEquals(1, v.rebuilds());
                Oracle.assertMatches(Oracle.bruteForce(p, box, CUT + SKIN, NeighborList.Kind.HALF), v.list(), "first");
                assertFalse(v.update(p));
                // everyone moves 0.149 along a random direction: below skin/2 = 0.15
                SplittableRandom r = new SplittableRandom(2);
                double[][] dir = new double[p.size()][];
                for (int i = 0; i < p.size(); i++) {
                    double a = r.nextDouble(-1, 1), phi = r.nextDouble(2 * Math.PI), s = Math.sqrt(1 - a * a);
                    dir[i] = new double[] {s * Math.cos(phi), s * Math.sin(phi), a};
                    move(p, box, i, 0.149, dir[i]);
                }
                assertFalse(v.update(p));
                assertEquals(1, v.rebuilds());
                assertTrue(v.maxDisplacementSquared(p) < 0.15 * 0.15);
                // one particle goes on by 0.002 more: 0.151 > 0.15
                move(p, box, 17, 0.002, dir[17]);
                assertTrue(v.update(p));
                assertEquals(2, v.rebuilds());
                assertEquals(0.0, v.maxDisplacementSquared(p));
                Oracle.assertMatches(Oracle.bruteForce(p, box, CUT + SKIN, NeighborList.Kind.HALF), v.list(), "rebuilt");
                v.forceRebuild(p);
                assertEquals(3, v.rebuilds());
            }
        }
    }

    /**
     * A cell-ordered HALF list on a shared team (the MD configuration) holds the brute-force pairs
     * after every rebuild, and closing the list leaves the team usable.
     */
    @Test
    void cellOrderedOnASharedTeam() {
        Box box = Box.cubicForDensity(1503, 1.2);
        try (Parallel team = new Parallel(2); ParticleStore p = Oracle.random(box, 1503, 21)) {
            try (VerletList v = new VerletList(box, CUT, SKIN, NeighborList.Kind.HALF, team).sortedRows(false).cellOrdered(true)) {
                SplittableRandom r = new SplittableRandom(4);
                for (int round = 0; round < 3; round++) {
                    v.forceRebuild(p);
                    assertTrue(v.list().cellOrdered());
                    Oracle.assertMatchesOrdered(Oracle.bruteForce(p, box, CUT + SKIN, NeighborList.Kind.HALF), v.list(), "round " + round);
                    for (int i = 0; i < p.size(); i++) move(p, box, i, 0.4, new double[] {r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1)});
                }
            }
            int[] hits = new int[1];
            team.forChunks(10, 1, (w, c, from, to) -> { synchronized (hits) { hits[0]++; } });
            assertEquals(10, hits[0], "the team survives the list's close");
        }
    }

    @Test
    void wrappingAcrossAFaceIsNotAMove() {
        Box box = Box.cubicForDensity(400, 1.2);
        try (ParticleStore p = Oracle.random(box, 400, 3);
                VerletList v = new VerletList(box, CUT, SKIN, NeighborList.Kind.FULL, 1)) {
            p.setPosition(0, box.hi(0) - 0.01, box.lo(1) + 0.02, box.hi(2) - 0.05);
            v.update(p);
            // moves by (+0.02, -0.04, +0.1) and is wrapped back into the box on x, y and z
            p.setPosition(0, box.hi(0) + 0.01, box.lo(1) - 0.02, box.hi(2) + 0.05);
            p.wrapInto(box);
            assertTrue(p.x(0) < box.lo(0) + 0.02 && p.y(0) > box.hi(1) - 0.03 && p.z(0) < box.lo(2) + 0.06);
            assertFalse(v.update(p));
            assertEquals(1, v.rebuilds());
            assertEquals(0.02 * 0.02 + 0.04 * 0.04 + 0.1 * 0.1, v.maxDisplacementSquared(p), 1e-12);
        }
    }

    /** The Verlet guarantee: between rebuilds every pair within the cutoff is in the list. */
    @Test
    void listStaysCompleteDuringARandomWalk() {
        Box box = Box.cubicForDensity(300, 1.2);
        SplittableRandom r = new SplittableRandom(8);
        try (ParticleStore p = Oracle.random(box, 300, 5);
                VerletList v = new VerletList(box, CUT, SKIN, NeighborList.Kind.FULL, 2)) {
            for (int step = 0; step < 60; step++) {
                for (int i = 0; i < p.size(); i++) {
                    p.setPosition(i, p.x(i) + r.nextDouble(-0.02, 0.02), p.y(i) + r.nextDouble(-0.02, 0.02),
                            p.z(i) + r.nextDouble(-0.02, 0.02));
                }
                p.wrapInto(box);
                v.update(p);
                int[][] within = Oracle.bruteForce(p, box, CUT, NeighborList.Kind.FULL);
                for (int i = 0; i < p.size(); i++) {
                    int[] row = v.list().row(i);
                    for (int j : within[i]) assertTrue(java.util.Arrays.binarySearch(row, j) >= 0, "pair " + i + "," + j);
                }
            }
            assertTrue(v.rebuilds() > 1 && v.rebuilds() < 60, "rebuilds " + v.rebuilds());
        }
    }

    @Test
    void boxTooSmallNamesAxisCutoffAndSkin() {
        Box box = new Box(new double[] {0, 0, 0}, new double[] {6, 6, 4.1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VerletList(box, CUT, SKIN, NeighborList.Kind.FULL, 1));
        assertTrue(e.getMessage().startsWith("box length along z is 4.1 but the neighbour list needs > 5.6 = 2 × (cutoff 2.5 + skin 0.3)"),
                e.getMessage());
    }

    private static void move(ParticleStore p, Box box, int i, double d, double[] u) {
        p.setPosition(i, p.x(i) + d * u[0], p.y(i) + d * u[1], p.z(i) + d * u[2]);
    }
}
