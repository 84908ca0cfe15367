package org.softglass.core.simulate;

import java.io.IOException;

/**
 * Called by {@link Simulation} every {@link #every()} production steps (and at production step 0),
 * in the manner of Hipparchus' {@code ODEStepHandler}: {@link #observe} per frame, then
 * {@link #complete()} once the run has finished. Observers that stream to disk report the byte
 * length written so far ({@link #outputLength()}) so a checkpoint can truncate back to it.
 */
public interface Observer extends AutoCloseable {
    /** Steps between calls, ≥ 1. */
    long every();

    /**
     * @param step production step (0 at the start of production)
     * @param time production time {@code step·dt} (τ)
     */
    void observe(MdSystem s, long step, double time) throws IOException;

    /**
     * Bytes written so far to each streamed file (flushed), in a fixed order; empty for an observer
     * that writes nothing. A resumed run hands the same array back to the observer's constructor.
     */
    default long[] outputLengths() throws IOException { return new long[0]; }

    /** The run finished: finalise outputs. */
    default void complete() throws IOException {}

    @Override
    default void close() throws IOException {}
}
