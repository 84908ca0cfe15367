package org.softglass.study.mesoelastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;

/**
 * The per-model defaults of the mesoelastic workflow: the F_s species is paper 004's largest (IPL: B, KA and mBLJ: A,
 * although mBLJ's like cutoffs are equal), the effective diameter against the closed form of the shifted KA
 * Lennard-Jones, the temperature lists (IPL's unchanged from before the defaults, mBLJ's own, run highest first).
 */
class ModelDefaultsTest {
    @Test
    void largestSpeciesIsPaper004s() {
        assertEquals(1, ModelDefaults.largestSpecies(Models.ipl()), "IPL: lambda_BB = 1.4");
        assertEquals(0, ModelDefaults.largestSpecies(Models.ka()), "KA: sigma_AA = 1 > sigma_BB = 0.88");
        assertEquals(1, ModelDefaults.largestSpecies(Models.stickySpheres()), "SS: lambda_BB = 1.4");
        PairPotential mblj = Models.mblj();
        assertEquals(mblj.cutoff(0, 0), mblj.cutoff(1, 1), 0.0, "the like cutoffs are equal: they cannot tell the species apart");
        assertEquals(0, ModelDefaults.largestSpecies(mblj), "mBLJ: sigma_AA = 1 > sigma_BB = 0.88");
        assertTrue(ModelDefaults.diameter(mblj, 0) > ModelDefaults.diameter(mblj, 1) + 0.05);
    }

    @Test
    void diameterOfShiftedLennardJonesMatchesClosedForm() {
        // KA AA: 4 (y^2 - y) - u_c = 1 with y = (sigma/d)^6, u_c = U_LJ(2.5) the shift; y = (1 + sqrt(2 + u_c)) / 2
        PairPotential ka = Models.ka();
        double rc = 2.5, uc = 4 * (Math.pow(rc, -12) - Math.pow(rc, -6));
        assertEquals(0.0, ka.energy(0, 0, rc * rc * (1 - 1e-15)), 1e-12, "the KA preset is shifted to 0 at r_c");
        double d = Math.pow((1 + Math.sqrt(2 + uc)) / 2, -1.0 / 6);
        assertEquals(d, ModelDefaults.diameter(ka, 0), 1e-10);
        // BB: eps = 0.5, sigma = 0.88, r_c = 2.2: 2 (y^2 - y) - u_c = 1
        double uBB = 2 * (Math.pow(0.88 / 2.2, 12) - Math.pow(0.88 / 2.2, 6));
        double yBB = (1 + Math.sqrt(1 + 2 * (1 + uBB))) / 2;
        assertEquals(0.88 * Math.pow(yBB, -1.0 / 6), ModelDefaults.diameter(ka, 1), 1e-10);
    }

    @Test
    void temperatureListsPerModel() {
        ModelDefaults ipl = ModelDefaults.forModel("ipl");
        assertEquals(List.of(0.80, 0.76, 0.73, 0.70), ipl.temperatures(), "IPL as shipped before the per-model defaults");
        assertEquals(List.of(10_000L, 10_000L, 15_000L, 25_000L), ipl.equilibrate());
        assertEquals(List.of(30_000L, 40_000L, 60_000L, 100_000L), ipl.steps());
        assertEquals(List.of(0.72, 0.65, 0.61, 0.58), ModelDefaults.forModel("mblj").temperatures());
        assertEquals(List.of(30_000L, 40_000L, 80_000L, 150_000L), ModelDefaults.forModel("mblj").steps());
        assertEquals(ipl.temperatures(), ModelDefaults.forModel("ka").temperatures(), "other presets: the IPL list, as before");
        for (String m : Models.NAMES) {
            ModelDefaults d = ModelDefaults.forModel(m);
            assertEquals(d.temperatures().size(), d.steps().size(), m);
            assertEquals(d.temperatures().size(), d.equilibrate().size(), m);
            for (int k = 1; k < d.temperatures().size(); k++) assertTrue(d.temperatures().get(k) < d.temperatures().get(k - 1), m + ": highest first");
        }
    }
}
