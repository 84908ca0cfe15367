package org.softglass.core.simulate;

/**
 * A time-stepping scheme as a state plus a step function (jax-md style). {@link #setup} is called
 * once with valid forces; {@link #step} advances by dt and leaves forces valid at the new positions.
 * The target temperature may change between steps ({@link #setTarget}); the integrator's own state
 * (thermostat variables) round-trips through {@link #state()} / {@link #restore(double[])} for
 * bit-exact checkpoints.
 */
public interface Integrator {
    /** Short name: nve, nvt, langevin. */
    String name();

    void setup(MdSystem s);

    /** One step of size dt; {@code step} is the index of the step being taken (for counter-based noise). */
    void step(MdSystem s, long step);

    /** Sets the thermostat target temperature (ignored by NVE). */
    default void setTarget(double temperature) {}

    /**
     * Energy of the extended variables, so that K + U + this is conserved (0 for NVE; the
     * Nosé–Hoover chain energy for NVT; the accumulated heat exchanged for Langevin).
     */
    default double extendedEnergy() { return 0.0; }

    /** The integrator's own state, for checkpoints. */
    default double[] state() { return new double[0]; }

    /** Restores {@link #state()}. */
    default void restore(double[] state) {}
}
