package org.softglass.core.simulate;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.util.InvalidParameter;

/**
 * Langevin dynamics by the BAOAB splitting (Leimkuhler &amp; Matthews, Appl. Math. Res. Express 2013):
 * {@code v += ½dt F; x += ½dt v; v = c₁v + c₂ξ; x += ½dt v; F = F(x); v += ½dt F} with
 * {@code c₁ = exp(−dt/damp)}, {@code c₂ = sqrt((1 − c₁²) T)} (unit mass), friction 1/damp (damp in τ,
 * as LAMMPS {@code fix langevin}). ξ are standard normals from {@link CounterRng} keyed by (seed,
 * step, 3·slot + axis), so the noise is independent of the thread count. {@link #extendedEnergy()}
 * is minus the heat given to the particles by the O step, so {@code K + U + it} drifts only by the
 * discretisation error.
 */
public final class Langevin implements Integrator {
    private final double dt, damp;
    private final long seed;
    private double target, heat;

    public Langevin(double dt, double target, double damp, long seed) {
        InvalidParameter.requirePositive(dt, "dt");
        InvalidParameter.requirePositive(target, "temperature");
        InvalidParameter.requirePositive(damp, "tdamp");
        this.dt = dt;
        this.damp = damp;
        this.seed = seed;
        this.target = target;
    }

    @Override public String name() { return "langevin"; }
    @Override public void setTarget(double temperature) { target = temperature; }
    @Override public void setup(MdSystem s) {}

    @Override
    public void step(MdSystem s, long step) {
        s.kick(0.5 * dt);
        s.drift(0.5 * dt);
        double c1 = Math.exp(-dt / damp), c2 = Math.sqrt((1 - c1 * c1) * target);
        double k0 = s.kineticEnergy();
        ParticleStore p = s.particles();
        for (int a = 0; a < 3; a++) {
            MemorySegment v = p.velocities(a);
            for (int i = 0, n = p.size(); i < n; i++) {
                double xi = CounterRng.gaussian(seed, step, 3L * i + a);
                v.setAtIndex(ValueLayout.JAVA_DOUBLE, i, c1 * v.getAtIndex(ValueLayout.JAVA_DOUBLE, i) + c2 * xi);
            }
        }
        heat -= s.kineticEnergy() - k0;
        s.drift(0.5 * dt);
        s.computeForces();
        s.kick(0.5 * dt);
    }

    @Override public double extendedEnergy() { return heat; }
    @Override public double[] state() { return new double[] {heat, target}; }

    @Override
    public void restore(double[] st) {
        if (st.length != 2) throw new IllegalArgumentException("Langevin checkpoint state has " + st.length + " values, expected 2");
        heat = st[0];
        target = st[1];
    }
}
