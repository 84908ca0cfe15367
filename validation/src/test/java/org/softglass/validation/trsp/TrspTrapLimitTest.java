package org.softglass.validation.trsp;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.validation.Checked;
import org.softglass.validation.Context;

/**
 * Trap limit of the TRSP model (issue 7): single-site clusters, uncorrelated K = σ²1, a kick only on
 * the rearranging site with full reset, δ = 0; the sites are then independent traps. Catalogue
 * checks {@code trsp.trap-limit-q}, {@code trsp.trap-limit-chi4}, {@code trsp.trap-limit-mean-s}
 * (one shared run; the setup, the trap quadrature and the tolerances are in {@code TrspChecks}).
 */
public class TrspTrapLimitTest {
    /** The catalogue checks this class runs. */
    public static final List<String> CHECKS = List.of("trsp.trap-limit-q", "trsp.trap-limit-chi4", "trsp.trap-limit-mean-s");

    @Test
    void qChi4AndMeanSoftnessMatchTheTrapQuadrature(@TempDir Path dir) throws Exception {
        Context ctx = Checked.context(dir);
        for (String name : CHECKS) Checked.assertPasses(ctx, name);
    }
}
