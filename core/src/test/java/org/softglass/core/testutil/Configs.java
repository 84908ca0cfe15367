package org.softglass.core.testutil;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.space.Box;

/** Test configurations and brute-force O(N²) oracles (no cell lists). */
public final class Configs {
    private Configs() {}

    /**
     * Uniform random positions in the box with a minimum pair distance {@code dmin} (rejection),
     * species A for the first round(fracA·N) slots.
     */
    public static ParticleStore random(int n, Box box, double fracA, double dmin, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ParticleStore p = ParticleStore.allocate(n);
        int na = (int) Math.round(fracA * n);
        double d2 = dmin * dmin;
        for (int i = 0; i < n; i++) {
            for (int attempt = 0; ; attempt++) {
                double x = box.lo(0) + rnd.nextDouble() * box.lx();
                double y = box.lo(1) + rnd.nextDouble() * box.ly();
                double z = box.lo(2) + rnd.nextDouble() * box.lz();
                boolean ok = true;
                for (int j = 0; j < i && ok; j++) ok = box.distanceSquared(x, y, z, p.x(j), p.y(j), p.z(j)) >= d2;
                if (ok || attempt > 10_000) {
                    p.setPosition(i, x, y, z);
                    break;
                }
            }
            p.setSpecies(i, i < na ? 0 : 1);
        }
        return p;
    }

    /** Brute-force FULL (or HALF, j &gt; i) minimum-image list within radius rc, rows ascending. */
    public static NeighborList bruteForce(ParticleStore p, Box box, double rc, NeighborList.Kind kind) {
        int n = p.size();
        List<int[]> rows = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            List<Integer> r = new ArrayList<>();
            for (int j = kind == NeighborList.Kind.FULL ? 0 : i + 1; j < n; j++) {
                if (j == i) continue;
                if (box.distanceSquared(p.x(i), p.y(i), p.z(i), p.x(j), p.y(j), p.z(j)) < rc * rc) r.add(j);
            }
            rows.add(r.stream().mapToInt(Integer::intValue).toArray());
            total += r.size();
        }
        Arena arena = Arena.ofShared();
        MemorySegment off = arena.allocate((n + 1) * 8L, 8);
        MemorySegment idx = arena.allocate(Math.max(1, total) * 4L, 4);
        long k = 0;
        for (int i = 0; i < n; i++) {
            off.setAtIndex(ValueLayout.JAVA_LONG, i, k);
            for (int j : rows.get(i)) idx.setAtIndex(ValueLayout.JAVA_INT, k++, j);
        }
        off.setAtIndex(ValueLayout.JAVA_LONG, n, k);
        return new NeighborList(kind, n, rc, arena, off, idx);
    }
}
