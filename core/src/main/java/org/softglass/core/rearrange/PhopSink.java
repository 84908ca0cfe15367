package org.softglass.core.rearrange;

import java.io.IOException;

/**
 * A consumer of p_hop rows in frame order, as produced by {@link PhopRun} or replayed from files by
 * {@link PhopFiles}: {@link #start} once, then {@link #row} for every frame 0 … F−1 of the
 * trajectory, then {@link #finish}.
 */
public interface PhopSink {
    /** Called once before the first row. */
    void start(PhopHeader header) throws IOException;

    /**
     * One row: p_hop (σ²) of every particle (slot = id ascending) at frame {@code frame}; NaN in the
     * first and last {@code h} frames, where the window does not fit. The array is reused by the
     * caller after the call returns (copy what you keep).
     */
    void row(int frame, long timestep, double time, double[] phop) throws IOException;

    /** Called once after the last row, with the total frame count F. */
    void finish(int frames) throws IOException;

    /** Feeds every event of a run to several sinks in turn. */
    static PhopSink tee(PhopSink... sinks) {
        return new PhopSink() {
            @Override public void start(PhopHeader header) throws IOException { for (PhopSink s : sinks) s.start(header); }
            @Override public void row(int frame, long timestep, double time, double[] phop) throws IOException {
                for (PhopSink s : sinks) s.row(frame, timestep, time, phop);
            }
            @Override public void finish(int frames) throws IOException { for (PhopSink s : sinks) s.finish(frames); }
        };
    }
}
