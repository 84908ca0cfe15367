package org.softglass.core.testutil;

import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.space.Box;

/** The production FULL neighbour list for tests outside the partition package. */
public final class Neighbors {
    private Neighbors() {}

    public static NeighborList full(ParticleStore p, Box box, double radius) {
        return Configs.bruteForce(p, box, radius, NeighborList.Kind.FULL);
    }
}
