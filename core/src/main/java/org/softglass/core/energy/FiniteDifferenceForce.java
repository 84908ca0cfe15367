package org.softglass.core.energy;

import org.softglass.core.partition.NeighborList;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * The force as the central difference of the total energy, the independent check of every analytic force (DESIGN:
 * physics checked by finite differences): F_{i,a} ≈ −(U(x_{i,a} + h) − U(x_{i,a} − h)) / (2h), with truncation error
 * (h²/6) ∂³U/∂x³ and round-off ≈ ε |U| / h. Used by the core tests and the validation catalogue alike.
 */
public final class FiniteDifferenceForce {
    private FiniteDifferenceForce() {}

    /**
     * −(U(x + h) − U(x − h)) / (2h) for coordinate {@code axis} of particle {@code i} (ε/σ).
     *
     * @param fc the force computation giving U
     * @param p the particles: coordinate (i, axis) is moved by ±h and put back exactly; the forces (and anything
     *     else {@link ForceCompute#compute} writes) are overwritten
     * @param box the periodic box
     * @param list a neighbour list valid for displacements of h (e.g. built with a skin)
     * @param h the step (σ), small against the skin
     */
    public static double of(ForceCompute fc, ParticleStore p, Box box, NeighborList list, int i, int axis, double h) {
        double x0 = p.pos(i, axis);
        p.setPos(i, axis, x0 + h);
        double up = fc.compute(p, box, list, null).energy();
        p.setPos(i, axis, x0 - h);
        double um = fc.compute(p, box, list, null).energy();
        p.setPos(i, axis, x0);
        return -(up - um) / (2 * h);
    }
}
