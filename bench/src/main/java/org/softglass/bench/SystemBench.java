package org.softglass.bench;

import org.openjdk.jmh.annotations.TearDown;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * A benchmark timed on a KA system it owns (the particles in their periodic box, e.g. {@link KaSystems#lattice} at
 * N = {@value #N}, ρ = 1.2): the fields, the taking over of a {@link KaSystems.Config} and the closing of its particles
 * after the trial, declared once. The subclass's {@code @Setup} calls {@link #own}.
 */
public abstract class SystemBench extends ThreadsBench {
    /** Particles of the suite's standard system. */
    static final int N = 10_000;

    /** The system's particles (closed by {@link #closeSystem}). */
    ParticleStore p;
    /** Its periodic box. */
    Box box;

    /** Takes {@code c} as this benchmark's system. */
    void own(KaSystems.Config c) {
        p = c.particles();
        box = c.box();
    }

    /** Frees the particles' off-heap memory after the trial. */
    @TearDown
    public void closeSystem() {
        if (p != null) p.close();
    }
}
