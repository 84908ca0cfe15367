package org.softglass.cli.structure;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.core.structure.SpecFile;

/**
 * How {@code descriptors} and {@code softness} (given a trajectory) read their descriptor set ({@code --preset NAME} or
 * {@code --spec FILE.json}: the structure functions of DESIGN §3).
 */
public final class DescriptorChoice {
    private DescriptorChoice() {}

    /** The set of {@code --spec} when given, else of {@code --preset}, else null (the caller's own default). */
    public static DescriptorSpec spec(String preset, Path spec) throws IOException {
        return spec != null ? SpecFile.read(spec) : preset != null ? DescriptorSpec.preset(preset) : null;
    }
}
