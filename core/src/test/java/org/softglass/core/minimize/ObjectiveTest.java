package org.softglass.core.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.Frame;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.VerletList;
import org.softglass.core.simd.PairKernel;
import org.softglass.core.space.Box;

/**
 * {@link Objective} with the half list: its per-species-pair list radii ({@code cut_ab + skin}, KA: AB 2.3 + skin,
 * BB 2.5 + skin, AA 2.8 + skin) give the energy and forces of a freshly built single-radius list
 * ({@code max cut + skin} for every pair), on the thermal fixture frame (KA, N = 1000) and after every
 * particle has moved by just under skin/2 without a rebuild. The set of pairs within their cutoff is
 * the same in both, so only the summation order (vector lanes, row lengths) differs: the tolerances are
 * round-off, 1e-12 of |U| and of the largest force component (U sums M ≈ 4·10⁴ half-list pair terms, whose
 * regrouping moves it by ≈ √M·ε ≈ 5·10⁻¹⁴ of |U|; each force ≤ 80 terms). Realised: ≈ 3·10⁻¹⁶ of |U|,
 * 4·10⁻¹⁴ of max |F| = 111. A list missing the pairs that closed in from beyond the cutoff changes U by
 * ≈ 10⁻³ of |U| in the displaced test.
 */
class ObjectiveTest {
    private static final double SKIN = 0.3;
    private static final PairPotential KA = Models.ka();

    @Test
    void perPairRadiiGiveTheSingleRadiusEnergyAndForces() throws IOException {
        try (Frame f = MinimizerBehaviourTest.thermal(); ParticleStore p = f.particles().copy();
                Parallel team = new Parallel(2); ForceCompute fc = new ForceCompute(KA, team, PairKernel.get());
                Objective o = new Objective(p, f.box(), fc, SKIN, team, true)) {
            double u = o.evaluate();
            assertSameAsSingleRadius(o, u, f.box());
            assertEquals(1, o.listBuilds());
        }
    }

    /**
     * Each particle moved by 0.999 · skin/2 in a random direction: no rebuild, and the list must still hold every
     * pair now within its cutoff (an AB pair listed to 2.3 only, without the skin, would miss pairs closing in
     * from up to 2.3 + 0.3).
     */
    @Test
    void listHoldsEveryPairWithinItsCutoffUntilHalfTheSkin() throws IOException {
        try (Frame f = MinimizerBehaviourTest.thermal(); ParticleStore p = f.particles().copy();
                Parallel team = new Parallel(2); ForceCompute fc = new ForceCompute(KA, team, PairKernel.get());
                Objective o = new Objective(p, f.box(), fc, SKIN, team, true)) {
            o.evaluate();
            int n = p.size();
            double[] v = new double[3 * n];
            Random rng = new Random(7);
            for (int i = 0; i < n; i++) {
                double x = rng.nextGaussian(), y = rng.nextGaussian(), z = rng.nextGaussian();
                double s = 0.999 * SKIN / 2 / Math.sqrt(x * x + y * y + z * z);
                v[i] = s * x;
                v[n + i] = s * y;
                v[2 * n + i] = s * z;
            }
            o.displace(1.0, v);
            double u = o.evaluate();
            assertEquals(1, o.listBuilds(), "moves below skin/2 must not rebuild");
            assertSameAsSingleRadius(o, u, f.box());
        }
    }

    /** Compares U and F of the objective's last evaluation with a fresh single-radius half list at the same positions. */
    private static void assertSameAsSingleRadius(Objective o, double u, Box box) {
        int n = o.n;
        try (ParticleStore q = o.p.copy(); Parallel team = new Parallel(2);
                ForceCompute fc = new ForceCompute(KA, team, PairKernel.get());
                VerletList single = new VerletList(box, KA.maxCutoff(), SKIN, NeighborList.Kind.HALF, team)) {
            single.update(q);
            double ref = fc.compute(q, box, single.list(), null).energy();
            assertEquals(ref, u, 1e-12 * Math.abs(ref), "U with per-pair radii");
            double fmax = 0;
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 3; a++) fmax = Math.max(fmax, Math.abs(q.force(i, a)));
            }
            assertTrue(fmax > 1, "a thermal frame has forces of order 10, got max " + fmax);
            double df = 0;
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 3; a++) {
                    assertEquals(q.force(i, a), o.forces[a * n + i], 1e-12 * fmax, "F[" + i + "][" + a + "]");
                    df = Math.max(df, Math.abs(q.force(i, a) - o.forces[a * n + i]));
                }
            }
            System.out.printf("per-pair vs single-radius half list: U %.15g vs %.15g (dU %.2e), max |dF| %.2e of max |F| %.3g%n",
                    u, ref, u - ref, df, fmax);
        }
    }
}
