package org.softglass.core.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.simd.DistanceKernel;
import org.softglass.core.simd.DistanceKernels;
import org.softglass.core.space.Box;

class NeighborListBuilderTest {
    private static final DistanceKernel[] KERNELS = {DistanceKernels.scalar(), DistanceKernels.panama()};

    private static void checkAll(ParticleStore p, Box box, double rList, String what) {
        for (DistanceKernel k : KERNELS) {
            for (int threads : new int[] {1, 2}) {
                try (NeighborListBuilder b = new NeighborListBuilder(box, rList, threads, k)) {
                    Oracle.check(p, box, rList, b, what + " [" + k.name() + ", " + threads + " threads]");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 37, 501, 1003})
    void randomConfigurationsMatchBruteForce(int n) {
        Box box = new Box(new double[] {-1.5, 0, 2.25}, new double[] {9.3, 11.7, 7.1});
        for (long seed = 1; seed <= 3; seed++) {
            try (ParticleStore p = Oracle.random(box, n, seed * 7919 + n)) {
                checkAll(p, box, 2.8, "random N=" + n + " seed=" + seed);
            }
        }
    }

    @Test
    void denseKobAndersenLikeConfiguration() {
        Box box = Box.cubicForDensity(1000, 1.2); // L ≈ 9.41: 3 cells per axis at r_list 2.8
        try (ParticleStore p = Oracle.random(box, 1000, 42)) {
            checkAll(p, box, 2.8, "random rho=1.2");
        }
        try (ParticleStore p = Oracle.jitteredLattice(box, 10, 0.2, 43)) {
            checkAll(p, box, 2.8, "lattice rho=1.2");
        }
    }

    /**
     * Per-species-pair radii (Kob–Andersen's cutoffs + skin 0.3): with ≥ 3 cells per axis every row
     * holds exactly the pairs within their own pair's radius, for both kernels, 1 and 2 threads,
     * slot-indexed and cell-ordered, HALF and FULL; with 2 cells along an axis every pair within the
     * list radius (the documented fallback).
     */
    @Test
    void pairRadiiListEachSpeciesPairToItsOwnRadius() {
        double[][] radii = {{2.8, 2.3}, {2.3, 2.5}};
        Box box = Box.cubicForDensity(2000, 1.2);                      // L ≈ 11.86: 4 cells per axis
        Box small = new Box(new double[] {0, 0, 0}, new double[] {11.86, 5.7, 11.86}); // 2 cells along y
        for (Box b : new Box[] {box, small}) {
            int n = (int) Math.round(b.volume() * 1.2);
            try (ParticleStore p = Oracle.random(b, n, 17)) {
                SplittableRandom rnd = new SplittableRandom(3);
                for (int i = 0; i < n; i++) p.setSpecies(i, rnd.nextDouble() < 0.8 ? 0 : 1);
                double[][] expect = b == box ? radii : new double[][] {{2.8}};
                for (DistanceKernel k : KERNELS) {
                    for (int threads : new int[] {1, 2}) {
                        try (NeighborListBuilder builder = new NeighborListBuilder(b, 2.8, threads, k).pairRadii(radii)) {
                            for (boolean ordered : new boolean[] {false, true}) {
                                builder.cellOrdered(ordered);
                                for (NeighborList.Kind kind : NeighborList.Kind.values()) {
                                    String what = "L_y " + b.ly() + " " + k.name() + " " + threads + " threads " + (ordered ? "cell-ordered " : "") + kind;
                                    try (NeighborList list = builder.build(p, kind)) {
                                        if (ordered) Oracle.assertMatchesOrdered(Oracle.bruteForce(p, b, expect, kind), list, what);
                                        else Oracle.assertMatches(Oracle.bruteForce(p, b, expect, kind), list, what);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void pairRadiiOutsideTheListRadiusOrAsymmetricAreRejected() {
        try (NeighborListBuilder b = new NeighborListBuilder(Box.cubic(10), 2.8, 1)) {
            assertThrows(IllegalArgumentException.class, () -> b.pairRadii(new double[][] {{2.9, 2.3}, {2.3, 2.5}}));
            assertThrows(IllegalArgumentException.class, () -> b.pairRadii(new double[][] {{2.8, 2.3}, {2.2, 2.5}}));
            assertThrows(IllegalArgumentException.class, () -> b.pairRadii(new double[][] {{2.8, 0}, {0, 2.5}}));
            assertThrows(IllegalArgumentException.class, () -> b.pairRadii(new double[][] {{2.8, 2.3}}));
        }
    }

    @Test
    void nonCubicBoxesWithManyAndFewCells() {
        double[][] lengths = {{5.7, 20.0, 11.3}, {30.1, 5.61, 6.0}, {8.5, 8.5, 25.0}, {12.0, 12.0, 12.0}};
        for (double[] l : lengths) {
            Box box = new Box(new double[] {0.3, -2, 1}, l);
            int n = (int) Math.round(box.volume() * 1.2) | 1;
            try (ParticleStore p = Oracle.random(box, n, n)) {
                checkAll(p, box, 2.8, "box " + box);
            }
        }
    }

    @Test
    void boxesNearTheMinimumSize() {
        double r = 2.8;
        // just above 2 r_list: 2 cells per axis; within 1e-9 of it: 1 cell per axis; mixed with 3 and 4 cells
        double[][] lengths = {
            {2 * r + 1e-6, 2 * r + 1e-6, 2 * r + 1e-6},
            {2 * r * (1 + 1e-12), 2 * r + 1e-3, 3 * r + 0.01},
            {2 * r + 0.1, 4 * r + 0.5, 2 * r * (1 + 1e-12)},
        };
        for (double[] l : lengths) {
            Box box = new Box(new double[] {0, 0, 0}, l);
            for (int n : new int[] {2, 37, 301}) {
                try (ParticleStore p = Oracle.random(box, n, 1000 + n)) {
                    checkAll(p, box, r, "near-minimum box " + box + " N=" + n);
                }
            }
            try (NeighborListBuilder b = new NeighborListBuilder(box, r, 1);
                    ParticleStore p = Oracle.random(box, 10, 1)) {
                b.build(p, NeighborList.Kind.FULL).close();
                for (int a = 0; a < 3; a++) {
                    int expected = (int) Math.max(1, Math.floor(l[a] / (r * (1 + CellList.SIDE_MARGIN))));
                    assertEquals(expected, b.cellList().cellsAlong(a), "cells along " + a);
                    if (l[a] < 3 * r) assertTrue(expected <= 2);
                }
            }
        }
    }

    /**
     * Decision tested here: positions need not be wrapped. Particles exactly on the lower face, on
     * the upper face (x = lo + L), at negative coordinates and several box lengths away are binned by
     * their periodic image and found through the minimum image of the stored coordinates.
     */
    @Test
    void unwrappedAndFacePositions() {
        Box box = new Box(new double[] {-3, 0, 1}, new double[] {7.5, 8, 9});
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 401;
        try (ParticleStore p = Oracle.random(box, n, 9)) {
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 3; a++) {
                    double v = p.pos(i, a);
                    switch (i % 7) {
                        case 0 -> v = box.lo(a);                        // lower face
                        case 1 -> v = box.hi(a);                        // upper face (outside [lo, lo+L))
                        case 2 -> v += box.length(a) * (rnd.nextInt(7) - 3); // unwrapped
                        case 3 -> v = box.lo(a) - 1e-17;                // rounds into the top cell
                        default -> { }
                    }
                    p.setPos(i, a, v);
                }
            }
            checkAll(p, box, 2.8, "faces/unwrapped");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void identicalForAnyThreadCount(boolean cellOrdered) {
        Box box = new Box(new double[] {0, 0, 0}, new double[] {16, 17, 18.5});
        int n = 5903; // several chunks of NeighborListBuilder.CHUNK
        try (ParticleStore p = Oracle.random(box, n, 77)) {
            for (NeighborList.Kind kind : NeighborList.Kind.values()) {
                NeighborList ref = null;
                for (int threads : new int[] {1, 2, 3}) {
                    for (DistanceKernel k : KERNELS) {
                        // 2 threads also on a shared team (the MD's), which the builder must not close
                        try (Parallel team = new Parallel(threads);
                                NeighborListBuilder b = (threads == 2 ? new NeighborListBuilder(box, 2.8, team, k)
                                        : new NeighborListBuilder(box, 2.8, threads, k)).cellOrdered(cellOrdered)) {
                            NeighborList l = b.build(p, kind);
                            NeighborList again = b.build(p, kind); // builder reuse gives the same
                            if (ref == null) {
                                ref = l;
                                if (cellOrdered) Oracle.assertMatchesOrdered(Oracle.bruteForce(p, box, 2.8, kind), ref, "reference " + kind);
                                else Oracle.assertMatches(Oracle.bruteForce(p, box, 2.8, kind), ref, "reference " + kind);
                            } else {
                                assertSame(ref, l, kind + " " + threads + " threads " + k.name());
                                l.close();
                            }
                            assertSame(ref, again, kind + " rebuild " + threads + " threads " + k.name());
                            again.close();
                        }
                    }
                }
                ref.close();
            }
        }
    }

    private static void assertSame(NeighborList a, NeighborList b, String what) {
        assertEquals(a.entries(), b.entries(), what);
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.order(), b.order(), what + ": order");
        assertEquals(-1, a.offsets().asSlice(0, (a.size() + 1L) * 8).mismatch(b.offsets().asSlice(0, (b.size() + 1L) * 8)), what);
        MemorySegment ia = a.indices().asSlice(0, a.entries() * 4), ib = b.indices().asSlice(0, b.entries() * 4);
        assertEquals(-1, ia.mismatch(ib), what);
    }

    @Test
    void boxTooSmallIsRejectedWithTheAxis() {
        Box box = new Box(new double[] {0, 0, 0}, new double[] {10, 5.6, 10});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NeighborListBuilder(box, 2.8, 1));
        assertTrue(e.getMessage().contains("along y is 5.6"), e.getMessage());
        assertTrue(e.getMessage().contains("5.6 = 2 ×"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NeighborListBuilder(Box.cubic(10), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new NeighborListBuilder(Box.cubic(10), 2.8, 0));
    }
}
