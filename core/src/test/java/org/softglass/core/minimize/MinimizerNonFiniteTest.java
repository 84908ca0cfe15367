package org.softglass.core.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.particles.ParticleStore;

/**
 * Issue 20 item 1: two particles at the same position give NaN forces, which used to defeat every
 * exit test of the CG line search (an endless loop) and let FIRE write NaN coordinates. Every
 * algorithm must now refuse at once with the pair named.
 */
class MinimizerNonFiniteTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void overlappingParticlesAreRefusedByEveryAlgorithm() throws IOException {
        for (Algorithm a : Algorithm.values()) {
            try (Frame f = MinimizerBehaviourTest.thermal(); ParticleStore p = f.particles().copy()) {
                p.setPosition(1, p.x(0), p.y(0), p.z(0));
                NonFiniteEnergyException e = assertThrows(NonFiniteEnergyException.class,
                        () -> Minimizer.quench(p, f.box(), Models.ka(), MinimizeOptions.defaults().withAlgorithm(a).withThreads(2)),
                        a.toString());
                assertTrue(e.atStart(), e.getMessage());
                assertNotNull(e.overlap(), e.getMessage());
                assertEquals(p.id(0), e.overlap().idI());
                assertEquals(p.id(1), e.overlap().idJ());
                assertEquals(0.0, e.overlap().distance(), 1e-12);
                assertTrue(e.getMessage().contains("overlap"), e.getMessage());
            }
        }
    }

    /**
     * The evaluation limit is enforced inside the CG line search too: a stage uses at most the limit
     * plus the one evaluation that steps back to the line's start.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void cgEvaluationLimitHoldsInsideTheLineSearch() throws IOException {
        for (long limit : new long[] {1, 2, 3, 25}) {
            try (Frame f = MinimizerBehaviourTest.thermal(); ParticleStore p = f.particles().copy()) {
                Report r = Minimizer.quench(p, f.box(), Models.ka(),
                        MinimizeOptions.defaults().withAlgorithm(Algorithm.CG).withMaxForceEvaluations(limit));
                assertEquals(StopReason.MAX_FORCE_EVALUATIONS, r.reason(), "limit " + limit + ": " + r);
                long used = r.stages().getFirst().forceEvaluations();
                assertTrue(used >= limit && used <= limit + 1, "limit " + limit + " but the stage used " + used);
                assertTrue(r.energy() <= r.initialEnergy(), "limit " + limit + ": " + r);
            }
        }
    }
}
