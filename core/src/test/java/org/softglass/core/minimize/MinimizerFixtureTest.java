package org.softglass.core.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.testutil.Fixtures;

/**
 * Minimisation on the shared LAMMPS fixtures (KA, N = 1000, T = 0.8): starting at LAMMPS' inherent
 * structure nothing moves; from the thermal frame both cg+fire and FIRE reach a converged minimum in
 * the KA inherent-structure energy range.
 */
class MinimizerFixtureTest {
    static final double LAMMPS_IS_U = -7.55542414064805;

    static Frame read(String name) throws IOException {
        return LammpsDumpReader.readFirst(Fixtures.lammps(name));
    }

    @Test
    void lammpsInherentStructureIsAMinimumForBothMinimizers() throws IOException {
        try (Frame f = read("ka_N1000_T0.8_inherent_structure.dump")) {
            Box box = f.box();
            // 0 iterations: energy and force norm at the LAMMPS minimum
            try (ParticleStore p = f.particles().copy()) {
                Report r = Minimizer.quench(p, box, Models.ka(), MinimizeOptions.defaults().withThreads(2));
                assertEquals(StopReason.FORCE_TOLERANCE, r.reason());
                assertEquals(0, r.iterations());
                assertEquals(LAMMPS_IS_U, r.energyPerAtom(), 1e-10 * Math.abs(LAMMPS_IS_U));
                assertTrue(r.fnorm() < 2e-10, "fnorm at the LAMMPS IS " + r.fnorm());
                assertEquals(0.0, p.maxDisplacement(f.particles(), box));
                System.out.printf("IS fixture: U/N %.15f (LAMMPS %.15f), fnorm %.3e, fmax %.3e, P %.12f%n",
                        r.energyPerAtom(), LAMMPS_IS_U, r.fnorm(), r.fmax(), r.virialPressure());
            }
            // ftol = 0 forces real iterations: each minimiser must stay at the minimum
            for (Algorithm a : new Algorithm[] {Algorithm.FIRE, Algorithm.CG}) {
                try (ParticleStore p = f.particles().copy()) {
                    MinimizeOptions o = MinimizeOptions.defaults().withAlgorithm(a).withFtol(0).withMaxIterations(200).withThreads(2);
                    Report r = Minimizer.quench(p, box, Models.ka(), o);
                    double moved = p.maxDisplacement(f.particles(), box);
                    System.out.printf("IS fixture, %s with ftol 0: %s; max move %.3e%n", a, r, moved);
                    assertTrue(r.iterations() > 0, a + " should iterate with ftol = 0");
                    assertTrue(moved < 1e-8, a + " moved by " + moved);
                    assertEquals(r.initialEnergy(), r.energy(), 1e-12 * Math.abs(r.initialEnergy()), a + " changed the energy");
                }
            }
        }
    }

    @Test
    void cgFireFromThermalFrameConverges() throws IOException {
        quenchForcesFrame(Algorithm.CG_FIRE);
    }

    @Test
    void fireFromThermalFrameConverges() throws IOException {
        quenchForcesFrame(Algorithm.FIRE);
    }

    private static void quenchForcesFrame(Algorithm a) throws IOException {
        try (Frame f = read("ka_N1000_T0.8_forces_frame.dump"); ParticleStore p = f.particles().copy()) {
            long t0 = System.nanoTime();
            Report r = Minimizer.quench(p, f.box(), Models.ka(), MinimizeOptions.defaults().withAlgorithm(a).withThreads(2));
            System.out.printf("forces frame, %s: %s; stages %s; %.2f s (LAMMPS cg+fire: %.14f)%n", a, r, r.stages(),
                    (System.nanoTime() - t0) * 1e-9, LAMMPS_IS_U);
            assertTrue(r.converged(), r.toString());
            assertEquals(StopReason.FORCE_TOLERANCE, r.reason());
            assertTrue(r.fnorm() < 1e-10, "fnorm " + r.fnorm());
            assertTrue(r.energyPerAtom() >= -7.60 && r.energyPerAtom() <= -7.53, "U_IS/N " + r.energyPerAtom());
            assertEquals(-6.34652922802843, r.initialEnergyPerAtom(), 1e-10);
            // the store holds the minimum: positions wrapped, images consistent with small displacements
            double moved = p.maxDisplacement(f.particles(), f.box());
            assertTrue(moved < 2.0, "a particle moved " + moved + " sigma: images inconsistent?");
        }
    }
}
