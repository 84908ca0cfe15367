package org.softglass.core.simulate;

import org.softglass.core.util.InvalidParameter;

/**
 * Velocity Verlet (NVE), unit masses: {@code v += ½dt F; x += dt v; F = F(x); v += ½dt F}.
 * Time-reversible and symplectic; the energy error is bounded, O(dt²).
 */
public final class VelocityVerlet implements Integrator {
    private final double dt;

    public VelocityVerlet(double dt) {
        InvalidParameter.requirePositive(dt, "dt");
        this.dt = dt;
    }

    @Override public String name() { return "nve"; }

    @Override public void setup(MdSystem s) {}

    @Override
    public void step(MdSystem s, long step) {
        s.scaleKickDrift(1.0, 0.5 * dt, dt); // kick(½dt) then drift(dt), in one pass
        s.computeForces();
        s.kick(0.5 * dt);
    }
}
