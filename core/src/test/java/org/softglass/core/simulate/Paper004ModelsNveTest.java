package org.softglass.core.simulate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.energy.Models;

/**
 * Short NVE runs of paper 004's two added pair models conserve energy as a second-order integrator
 * must. N = 150 at the model's density and composition is melted (50 steps at T = 2) and equilibrated
 * (150 steps at T = 1, NVT); from that one state (positions from its dump, velocities drawn from the
 * same seed) 1 τ of NVE runs at dt = 0.005 and at dt/2 (200 and 400 steps). Both potentials have
 * continuous forces (mBLJ: shifted force; sticky spheres: C² everywhere), so the spread of the conserved
 * energy is the velocity-Verlet shadow-energy fluctuation, O(dt²): it must shrink by at least half
 * (ideally 4×) when dt is halved, and stay below {@link #BOUND} per particle.
 */
class Paper004ModelsNveTest {
    /** ε per particle: about 3× the spreads measured at dt = 0.005 (2.4e-3 mBLJ, 2.3e-3 sticky spheres; 4.1× smaller at dt/2). */
    static final double BOUND = 7e-3;

    @Test
    void energyIsConservedWithSecondOrderScaling(@TempDir Path tmp) throws IOException {
        for (String model : List.of("mblj", "sticky-spheres")) {
            double rho = Models.defaultDensity(model), xa = Models.defaultFractionA(model);
            Path start = tmp.resolve(model + "-start");
            Simulation.run(new RunSpec(model, 150, rho, 1.0, 0.005, 0, "nvt", 0.5, 42, 2.0, 50, 150, 1, 1, 100000, 0.3, false, xa, null),
                    start, 1, x -> {});
            String dump = start.resolve("traj.dump").toString();
            double[] span = new double[2];
            for (int k = 0; k < 2; k++) {
                double dt = 0.005 / (1 << k);
                long steps = Math.round(1 / dt);
                RunSpec s = new RunSpec(model, 150, rho, 1.0, dt, steps, "nve", 0.5, 42, 2.0, 0, 0, steps / 40, 0, 100000, 0.3, false, xa, dump);
                Path d = tmp.resolve(model + k);
                Simulation.run(s, d, 1, x -> {});
                List<String> rows = Files.readAllLines(d.resolve("thermo.csv"));
                double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
                for (String r : rows.subList(1, rows.size())) {
                    double v = Double.parseDouble(r.split(",")[6]);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                span[k] = max - min;
            }
            System.out.println(model + " NVE conserved-energy spread per particle: dt=0.005 " + span[0] + ", dt=0.0025 " + span[1]);
            assertTrue(span[0] < BOUND, model + ": conserved quantity spans " + span[0]);
            assertTrue(span[1] < 0.5 * span[0], model + ": spread " + span[0] + " at dt, " + span[1] + " at dt/2");
        }
    }
}
