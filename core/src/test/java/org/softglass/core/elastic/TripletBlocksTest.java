package org.softglass.core.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softglass.core.energy.TripletTerm;
import org.softglass.core.space.Box;

/** {@link TripletBlocks} on its own: which neighbours form triplets. */
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
}
