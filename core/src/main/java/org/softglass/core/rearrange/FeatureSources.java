package org.softglass.core.rearrange;

import java.nio.file.Path;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.core.structure.SpecFile;

import java.util.List;

/**
 * Feature sets by name, for {@code --features NAME}: the descriptor presets of DESIGN §3
 * ({@code ka-266}, {@code ss-166}, {@code fluidity-100}, via {@link DescriptorFeatures}), a custom
 * descriptor spec file ({@code FILE.json}, read by {@link SpecFile}), or {@code coordination}
 * ({@link CoordinationFeatures}: neighbours of species A and B within 1.5σ).
 */
public final class FeatureSources {
    private FeatureSources() {}

    /** The known names. */
    public static final List<String> NAMES = List.of("ka-266", "ss-166", "fluidity-100", "coordination", "FILE.json");

    /**
     * @param threads threads the feature computation may use
     * @throws IllegalArgumentException naming the known sets for an unknown name
     * @throws java.io.IOException when a spec file cannot be read (a malformed one is an
     *     {@link org.softglass.core.io.InputFormatException})
     */
    public static FeatureSource byName(String name, int threads) throws java.io.IOException {
        if (name.endsWith(".json")) return new DescriptorFeatures(SpecFile.read(Path.of(name)), threads);
        if (DescriptorSpec.PRESETS.contains(name)) return new DescriptorFeatures(DescriptorSpec.preset(name), threads);
        return switch (name) {
            case "coordination" -> new CoordinationFeatures(2, 1.5, threads);
            default -> throw new IllegalArgumentException("unknown feature set '" + name + "', expected one of " + NAMES);
        };
    }
}
