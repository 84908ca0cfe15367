package org.softglass.validation.trsp;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.validation.Checked;

/**
 * K' and μ' (002 eqs 24–26) against the weighted mean and covariance of samples of N(μ, K) weighted
 * by the bare P0(R|S̄_R): catalogue check {@code trsp.conditioning-mc} (sizes and the 5σ tolerance
 * in its Javadoc, {@code TrspChecks.conditioningMonteCarlo}).
 */
public class TrspConditioningMonteCarloTest {
    /** The catalogue checks this class runs. */
    public static final List<String> CHECKS = List.of("trsp.conditioning-mc");

    @Test
    void weightedSamplesReproduceKPrimeAndMuPrime(@TempDir Path dir) throws Exception {
        Checked.assertPasses(Checked.context(dir), "trsp.conditioning-mc");
    }
}
