package org.softglass.core.testutil;

import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.space.Box;

/** The production FULL neighbour list (cell-list builder) for tests outside the partition package. */
public final class Neighbors {
    private Neighbors() {}

    public static NeighborList full(ParticleStore p, Box box, double radius) {
        try (NeighborListBuilder b = new NeighborListBuilder(box, radius, 2)) {
            return b.build(p, NeighborList.Kind.FULL);
        }
    }
}
