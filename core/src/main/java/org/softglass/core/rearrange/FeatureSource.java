package org.softglass.core.rearrange;

import java.util.List;
import java.util.Map;
import org.softglass.core.io.Frame;

/**
 * Per-particle structural features computed on one frame, for the training-set writer
 * ({@link TrainsetWriter}), which calls {@link #compute} once per structure frame in a single pass over
 * the trajectory. Implementations: {@link CoordinationFeatures}; the descriptor presets (DESIGN §3)
 * plug in here.
 *
 * <p>{@link #columnDescriptions()}, {@link #preset()}, {@link #rmax()} and {@link #tolerance()} fill the
 * {@code features.json} sidecar (file contract §1): one JSON object per column with at least
 * {@code "name"} and {@code "kind"}.
 */
public interface FeatureSource extends AutoCloseable {
    /** Number of feature columns M. */
    int columns();

    /**
     * Computes the features of some particles of a frame.
     *
     * @param frame the frame (not modified); slots are in ascending id order
     * @param slots the particles, as slots of {@code frame} ({@code frame.particles().id(slot)} is the id)
     * @param out {@code slots.length × columns()} values, row-major (row r = {@code slots[r]}); overwritten
     */
    void compute(Frame frame, int[] slots, double[] out);

    /** One description per column, in column order (JSON-serialisable maps). */
    List<Map<String, Object>> columnDescriptions();

    /** The preset name, or null for a custom set. */
    String preset();

    /** The largest neighbour distance any feature looks at (σ). */
    double rmax();

    /** The truncation tolerance of the features, or null when they are exact (default). */
    default Double tolerance() { return null; }

    /** Releases threads or buffers (default: nothing). */
    @Override
    default void close() {}
}
