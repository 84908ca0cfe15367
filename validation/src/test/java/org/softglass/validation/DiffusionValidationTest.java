package org.softglass.validation;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The A-particle self-diffusion constant of KA at T = 0.8 against RUMD (catalogue check
 * {@code md.ka-t08-diffusion}, in the {@code --full} set; N = 4000, ≈ 50 s on two cores; see
 * {@link MdChecks#diffusionT08()} for the run and the 10 % tolerance).
 */
class DiffusionValidationTest {
    /** The catalogue checks this class runs. */
    static final List<String> CHECKS = List.of("md.ka-t08-diffusion");

    @Test
    void diffusionConstantAtT08(@TempDir Path dir) throws Exception {
        Checked.assertPasses(Checked.context(dir), "md.ka-t08-diffusion");
    }
}
