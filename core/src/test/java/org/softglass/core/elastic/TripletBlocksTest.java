package org.softglass.core.elastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.energy.TripletTerm;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Configs;

/** {@link TripletBlocks} on its own: which neighbours form triplets, and the assembly against the hash-map one. */
class TripletBlocksTest {

    /**
     * A pair row may list a neighbour beyond the three-body cutoff (the rows hold the pairs within the pair
     * cutoff, which {@code PairPotential} allows to exceed aσ); that neighbour takes no part in a triplet, as
     * in {@code TripletForces}. Centre 0 with neighbours 1 (r = 1, inside aσ = 1.5), 2 (r = 1.2, inside) and
     * 3 (r = 1.6, outside): the only triplet is (1, 0, 2), whose h is computed directly; with the distant
     * neighbour counted, exp(γσ/(r − aσ)) > 1 would enter instead of 0.
     */
    @Test
    void neighbourBeyondTheThreeBodyCutoffFormsNoTriplet() {
        TripletTerm t = new TripletTerm(20.0, 1.2, 1.5, -1.0 / 3.0);
        Box box = Box.cubic(10.0);
        double[] pos = {5, 5, 5, 6, 5, 5, 5, 6.2, 5, 5, 5, 6.6};
        int[] rowStart = {0, 3, 4, 5, 6};
        int[] col3 = {3, 6, 9, 0, 0, 0};
        TripletBlocks b = TripletBlocks.assemble(t, 4, rowStart, col3, pos, box, 0.0);
        double[] g = new double[6];
        double h = t.evaluate(1, 0, 0, 0, 1.2, 0, g);
        assertTrue(h > 1e-6, "the triplet inside the cutoff contributes: " + h);
        assertEquals(h, b.energy, 1e-14 * h);
        for (int a = 0; a < 3; a++) assertEquals(0.0, b.force[9 + a], 0.0, "no force on the distant neighbour");
        for (int l = 0; l < 4; l++) {
            for (int k = b.rowStart[l]; k < b.rowStart[l + 1]; k++) assertTrue(l != 3 && b.col3[k] != 9, "no block of particle 3");
        }
    }

    /**
     * The assembly through {@link TripletPattern} equals the hash-map assembly it replaced ({@link LegacyTripletBlocks},
     * the old code verbatim) bit for bit: the same rows, columns and block values (tolerance 0: every element receives
     * the same terms in the same order), energy, forces, Born term and Ξ. On random Stillinger–Weber configurations
     * (N = 64 and 216 at ρ = 0.52, not minima; unsheared and at γ = 0.07, where the list radius grows and the sheared
     * separations decide the shells), a quenched N = 64 glass and a dilute random configuration.
     */
    @Test
    void assemblyEqualsTheHashMapAssemblyBitForBit() {
        PairPotential sw = Models.sw();
        for (int n : new int[] {64, 216}) {
            Box box = Box.cubicForDensity(n, 0.52);
            try (ParticleStore p = Configs.random(n, box, 1.0, 0.85, n)) {
                for (double gamma : new double[] {0.0, 0.07}) {
                    try (Hessian h = Hessian.assemble(p, box, sw, gamma, 1)) {
                        assertSameAsLegacy(h, 10);
                    }
                }
            }
        }
        try (Systems.Config c = Systems.quenched("sw", 64, 6); Hessian h = Hessian.assemble(c.particles(), c.box(), c.potential(), 2)) {
            assertSameAsLegacy(h, 10);
        }
        // dilute (N = 20 in a box of 6 σ): particles with 0 or 1 shell members, so rows with no block or only a
        // diagonal block, and rows whose candidate columns hold no repeat
        Box dilute = Box.cubic(6.0);
        try (ParticleStore p = Configs.random(20, dilute, 1.0, 0.9, 3); Hessian h = Hessian.assemble(p, dilute, sw, 1)) {
            assertSameAsLegacy(h, 0);
            assertTrue(h.tripletBlockCount() > 0, "some triplets");
        }
    }

    /** Compares with the old assembly; {@code minPerParticle}: the fewest blocks per particle the case must have. */
    private static void assertSameAsLegacy(Hessian h, int minPerParticle) {
        int n = h.size();
        int[] rowStart = new int[n + 1];
        for (int i = 0; i <= n; i++) rowStart[i] = h.rowStart(i);
        int[] col3 = new int[rowStart[n]];
        for (int k = 0; k < col3.length; k++) col3[k] = 3 * h.column(k);
        TripletBlocks t = h.triplets();
        LegacyTripletBlocks old = LegacyTripletBlocks.assemble(h.potential().tripletTerm(), n, rowStart, col3, h.positionsShared(), h.box(), h.shear());
        assertTrue(old.col3.length >= minPerParticle * n, "blocks: " + old.col3.length);
        assertArrayEquals(old.rowStart, t.rowStart, "rows");
        assertArrayEquals(old.col3, t.col3, "columns");
        assertArrayEquals(old.b, LegacyTripletBlocks.of(t).b, "block values");
        assertEquals(old.energy, t.energy, 0.0);
        assertEquals(old.born, t.born, 0.0);
        assertArrayEquals(old.force, t.force, "forces");
        assertArrayEquals(old.xi, t.xi, "Ξ");
    }
}
