package org.softglass.core.minimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.particles.ParticleStore;

/** L-BFGS ({@link Lbfgs}): convergence on a quadratic, on KA frames against CG, determinism. */
class LbfgsTest {

    @Test
    void fewerForceEvaluationsThanCgOnTheThermalFrame() throws IOException {
        try (Frame f = MinimizerBehaviourTest.thermal()) {
            Report cg = quench(f, MinimizeOptions.defaults().withAlgorithm(Algorithm.CG).withThreads(2));
            Report lb = quench(f, MinimizeOptions.defaults().withAlgorithm(Algorithm.LBFGS).withThreads(2));
            System.out.println("cg    " + cg);
            System.out.println("lbfgs " + lb);
            assertTrue(cg.converged(), cg.toString());
            assertTrue(lb.converged(), lb.toString());
            assertTrue(lb.fnorm() < 1e-10, lb.toString());
            assertTrue(lb.forceEvaluations() <= 0.8 * cg.forceEvaluations(),
                    "L-BFGS " + lb.forceEvaluations() + " vs CG " + cg.forceEvaluations() + " evaluations");
        }
    }

    static Report quench(Frame f, MinimizeOptions o) {
        try (ParticleStore p = f.particles().copy()) {
            return Minimizer.quench(p, f.box(), Models.ka(), o);
        }
    }
}
