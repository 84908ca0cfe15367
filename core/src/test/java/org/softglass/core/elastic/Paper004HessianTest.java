package org.softglass.core.elastic;

import org.junit.jupiter.api.Test;

/**
 * The Hessian of paper 004's two added pair models against finite differences of the analytic forces
 * ({@link HessianTest#checkAgainstForces}: 40 columns, h = 1e-6 σ, 2e-6 ε/σ² per element), at our own
 * quenches (N = 150, default density and composition).
 */
class Paper004HessianTest {
    @Test
    void mbljQuenchMatchesForceDifferences() {
        try (Systems.Config c = Systems.quenched("mblj", 150, 7)) {
            HessianTest.checkAgainstForces(c, 5);
        }
    }

    @Test
    void stickySpheresQuenchMatchesForceDifferences() {
        try (Systems.Config c = Systems.quenched("sticky-spheres", 150, 8)) {
            HessianTest.checkAgainstForces(c, 6);
        }
    }
}
