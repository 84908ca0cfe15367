package org.softglass.cli.structure;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.core.structure.SpecFile;

/**
 * How {@code descriptors} and {@code softness} (given a trajectory) read their descriptor set ({@code --preset NAME} or
 * {@code --spec FILE.json}: the structure functions of DESIGN §3) and their centre particles ({@code --species}).
 */
public final class DescriptorChoice {
    private DescriptorChoice() {}

    /** The set of {@code --spec} when given, else of {@code --preset}, else null (the caller's own default). */
    public static DescriptorSpec spec(String preset, Path spec) throws IOException {
        return spec != null ? SpecFile.read(spec) : preset != null ? DescriptorSpec.preset(preset) : null;
    }

    /**
     * The centre species of {@code --species}: a letter A..Z (any case) as its 0-based type index, or −1 for "all";
     * anything else is refused naming {@code --species}.
     */
    public static int centre(String species) {
        if (species.equalsIgnoreCase("all")) return -1;
        int centre = DescriptorSpec.speciesIndex(species);
        if (centre < 0) throw new IllegalArgumentException("--species must be a letter A..Z or all, got '" + species + "'");
        return centre;
    }
}
