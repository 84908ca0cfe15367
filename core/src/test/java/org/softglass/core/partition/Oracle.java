package org.softglass.core.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/** Test helpers: random configurations and the brute-force O(N²) minimum-image oracle. */
final class Oracle {
    private Oracle() {}

    /** N particles uniformly at random in the box (wrapped coordinates). */
    static ParticleStore random(Box box, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParticleStore p = ParticleStore.allocate(n);
        for (int i = 0; i < n; i++) {
            p.setPosition(i, box.lo(0) + r.nextDouble() * box.lx(), box.lo(1) + r.nextDouble() * box.ly(),
                    box.lo(2) + r.nextDouble() * box.lz());
        }
        return p;
    }

    /** Simple cubic lattice of m³ sites filling the box, each jittered by up to ±jitter per axis. */
    static ParticleStore jitteredLattice(Box box, int m, double jitter, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParticleStore p = ParticleStore.allocate(m * m * m);
        int i = 0;
        for (int a = 0; a < m; a++) for (int b = 0; b < m; b++) for (int c = 0; c < m; c++) {
            p.setPosition(i++, box.lo(0) + (a + 0.5) * box.lx() / m + jitter * (2 * r.nextDouble() - 1),
                    box.lo(1) + (b + 0.5) * box.ly() / m + jitter * (2 * r.nextDouble() - 1),
                    box.lo(2) + (c + 0.5) * box.lz() / m + jitter * (2 * r.nextDouble() - 1));
        }
        return p;
    }

    /** Row i of the brute-force list: all j (≠ i; > i for HALF) with Box minimum-image r² < r², ascending. */
    static int[][] bruteForce(ParticleStore p, Box box, double rList, NeighborList.Kind kind) {
        return bruteForce(p, box, new double[][] {{rList}}, kind);
    }

    /**
     * As {@link #bruteForce(ParticleStore, Box, double, NeighborList.Kind)} with a radius per species
     * pair, {@code radii[s_i][s_j]} (a 1×1 table: one radius for every pair).
     */
    static int[][] bruteForce(ParticleStore p, Box box, double[][] radii, NeighborList.Kind kind) {
        int n = p.size();
        int[][] rows = new int[n][];
        int[] buf = new int[n];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int j = kind == NeighborList.Kind.HALF ? i + 1 : 0; j < n; j++) {
                if (j == i) continue;
                double d2 = box.distanceSquared(p.x(i), p.y(i), p.z(i), p.x(j), p.y(j), p.z(j));
                double r = radii.length == 1 ? radii[0][0] : radii[p.species(i)][p.species(j)];
                if (d2 < r * r) buf[m++] = j;
            }
            rows[i] = Arrays.copyOf(buf, m);
        }
        return rows;
    }

    /** Asserts the list is well formed CSR and equals the oracle row by row. */
    static void assertMatches(int[][] expected, NeighborList list, String what) {
        assertEquals(expected.length, list.size(), what + ": rows");
        assertEquals(0L, list.start(0 < list.size() ? 0 : 0), what + ": offsets[0]");
        long total = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(total, list.start(i), what + ": offset of row " + i);
            assertArrayEquals(expected[i], list.row(i), what + ": row " + i);
            total += expected[i].length;
        }
        assertEquals(total, list.entries(), what + ": entries");
    }

    /**
     * Asserts that a cell-ordered list, read through its permutation, holds exactly the oracle's
     * pairs: {@code order} is a permutation; FULL rows map to the oracle's rows of their slots; every
     * HALF entry q of row r has q &gt; r, and the pairs {slot r, slot q} are the oracle's HALF pairs,
     * each once.
     */
    static void assertMatchesOrdered(int[][] expected, NeighborList list, String what) {
        int n = expected.length;
        assertEquals(n, list.size(), what + ": rows");
        int[] order = list.order();
        org.junit.jupiter.api.Assertions.assertNotNull(order, what + ": cell-ordered list without order");
        boolean[] seen = new boolean[n];
        for (int r = 0; r < n; r++) {
            org.junit.jupiter.api.Assertions.assertFalse(seen[order[r]], what + ": order repeats slot " + order[r]);
            seen[order[r]] = true;
        }
        int[][] bySlot = new int[n][];
        int[] fill = new int[n];
        if (list.kind() == NeighborList.Kind.FULL) {
            for (int r = 0; r < n; r++) {
                int[] row = list.row(r);
                int[] slots = new int[row.length];
                for (int k = 0; k < row.length; k++) slots[k] = order[row[k]];
                Arrays.sort(slots);
                bySlot[order[r]] = slots;
            }
        } else {
            int[] count = new int[n];
            for (int r = 0; r < n; r++) {
                for (int q : list.row(r)) {
                    org.junit.jupiter.api.Assertions.assertTrue(q > r, what + ": HALF row " + r + " holds position " + q);
                    count[Math.min(order[r], order[q])]++;
                }
            }
            for (int i = 0; i < n; i++) bySlot[i] = new int[count[i]];
            for (int r = 0; r < n; r++) {
                for (int q : list.row(r)) {
                    int a = Math.min(order[r], order[q]);
                    bySlot[a][fill[a]++] = Math.max(order[r], order[q]);
                }
            }
            for (int[] row : bySlot) Arrays.sort(row);
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            assertArrayEquals(expected[i], bySlot[i], what + ": slot " + i);
            total += expected[i].length;
        }
        assertEquals(total, list.entries(), what + ": entries");
    }

    /** Builds with the given builder, slot-indexed and cell-ordered, and checks against the oracle. */
    static void check(ParticleStore p, Box box, double rList, NeighborListBuilder b, String what) {
        for (boolean ordered : new boolean[] {false, true}) {
            b.cellOrdered(ordered);
            for (NeighborList.Kind kind : NeighborList.Kind.values()) {
                try (NeighborList list = b.build(p, kind)) {
                    assertEquals(kind, list.kind());
                    assertEquals(rList, list.cutoff());
                    assertEquals(ordered, list.cellOrdered());
                    if (ordered) assertMatchesOrdered(bruteForce(p, box, rList, kind), list, what + " cell-ordered " + kind);
                    else assertMatches(bruteForce(p, box, rList, kind), list, what + " " + kind);
                }
            }
        }
        b.cellOrdered(false);
    }
}
