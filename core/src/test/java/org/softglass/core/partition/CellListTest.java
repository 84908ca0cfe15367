package org.softglass.core.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

class CellListTest {

    @Test
    void countingSortIsAStablePermutationConsistentWithPositions() {
        Box box = new Box(new double[] {-2, 0, 1}, new double[] {10, 12.5, 9});
        try (ParticleStore p = Oracle.random(box, 777, 3)) {
            p.setPosition(0, box.hi(0), box.lo(1), box.hi(2) + 3 * box.lz()); // off-box values
            CellList c = new CellList(box, 2.8);
            c.build(p);
            assertEquals(3, c.cellsAlong(0));
            assertEquals(4, c.cellsAlong(1));
            assertEquals(3, c.cellsAlong(2));
            boolean[] seen = new boolean[p.size()];
            assertEquals(0, c.cellStart(0));
            assertEquals(p.size(), c.cellEnd(c.cellCount() - 1));
            for (int cell = 0; cell < c.cellCount(); cell++) {
                for (int k = c.cellStart(cell); k < c.cellEnd(cell); k++) {
                    int i = c.slotAt(k);
                    assertTrue(!seen[i], "slot listed twice");
                    seen[i] = true;
                    assertEquals(cell, c.cellOf(i));
                    assertEquals(cell, c.cellIndex(p.x(i), p.y(i), p.z(i)));
                    if (k > c.cellStart(cell)) assertTrue(c.slotAt(k - 1) < i, "ascending within a cell");
                    // the wrapped coordinate lies in the cell's slab along every axis
                    int[] idx = {cell % 3, (cell / 3) % 4, cell / 12};
                    for (int a = 0; a < 3; a++) {
                        double w = box.wrap(p.pos(i, a), a) - box.lo(a), side = box.length(a) / c.cellsAlong(a);
                        assertTrue(w >= idx[a] * side - 1e-12 && w <= (idx[a] + 1) * side + 1e-12, "slab " + a);
                    }
                }
            }
            for (boolean s : seen) assertTrue(s);
        }
    }

    @Test
    void stencilHasUniqueCellsForEveryCellCount() {
        for (int m = 1; m <= 5; m++) {
            double l = m * 3.0 + 0.5;
            Box box = new Box(new double[] {0, 0, 0}, new double[] {l, 2 * 3.0 + 0.5, 4 * 3.0 + 0.5});
            CellList c = new CellList(box, 3.0);
            try (ParticleStore p = ParticleStore.allocate(1)) {
                c.build(p);
            }
            assertEquals(m, c.cellsAlong(0));
            int nx = c.cellsAlong(0), ny = c.cellsAlong(1), nz = c.cellsAlong(2);
            for (int cell = 0; cell < c.cellCount(); cell++) {
                int[] s = c.neighborCells(cell);
                int expected = Math.min(nx, 3) * Math.min(ny, 3) * Math.min(nz, 3);
                assertEquals(expected, s.length, "stencil size for " + nx + "x" + ny + "x" + nz);
                assertEquals(s.length, Arrays.stream(s).distinct().count(), "unique cells");
                assertTrue(Arrays.binarySearch(s, cell) >= 0, "contains itself");
                // every listed cell is a periodic neighbour along each axis
                int cx = cell % nx, cy = (cell / nx) % ny, cz = cell / (nx * ny);
                for (int o : s) {
                    assertTrue(adjacent(o % nx, cx, nx) && adjacent((o / nx) % ny, cy, ny) && adjacent(o / (nx * ny), cz, nz));
                }
            }
        }
    }

    private static boolean adjacent(int a, int b, int m) {
        int d = Math.floorMod(a - b, m);
        return d == 0 || d == 1 || d == m - 1;
    }

    @Test
    void diluteSystemsGetBoundedCellCounts() {
        Box box = Box.cubic(1000);
        CellList c = new CellList(box, 1.0);
        try (ParticleStore p = Oracle.random(box, 100, 1)) {
            c.build(p);
        }
        assertTrue(c.cellCount() <= 4096, "cells " + c.cellCount());
        assertTrue(box.lx() / c.cellsAlong(0) >= 1.0);
    }
}
