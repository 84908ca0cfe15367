package org.softglass.core.rearrange;

import java.util.List;

/**
 * Feature sets by name, for {@code --features NAME}. Known names: {@code coordination}
 * ({@link CoordinationFeatures}: neighbours of species A and B within 1.5σ). Descriptor presets
 * ({@code ka-266}, …) are added here when the structure package provides them.
 */
public final class FeatureSources {
    private FeatureSources() {}

    /** The known names. */
    public static final List<String> NAMES = List.of("coordination");

    /**
     * @param threads threads the feature computation may use
     * @throws IllegalArgumentException naming the known sets for an unknown name
     */
    public static FeatureSource byName(String name, int threads) {
        return switch (name) {
            case "coordination" -> new CoordinationFeatures(2, 1.5, threads);
            default -> throw new IllegalArgumentException("unknown feature set '" + name + "', expected one of " + NAMES);
        };
    }
}
