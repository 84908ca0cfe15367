package org.softglass.core.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.particles.ParticleStore;

/**
 * Our CG and FIRE follow LAMMPS {@code min_style cg} / {@code min_style fire} iteration by iteration
 * from the thermal forces frame: the energy after each of the first 100 iterations agrees with the
 * LAMMPS thermo output (resource {@code minimize/lammps_min_trace_forces_frame.csv}, provenance in its
 * header) to 1e-9 per atom. This pins the algorithms (line search constants and acceptance rules;
 * FIRE's Δt/α control, mixing, half step back, step limit), not just the end point. Over the first
 * 100 iterations the two codes differ by ≤ 1e-12 per atom (rounding); later the CG path drifts
 * slowly (chaotic amplification of rounding), so only this prefix is compared.
 */
class LammpsTraceTest {

    static List<double[]> trace() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = LammpsTraceTest.class.getResourceAsStream("/minimize/lammps_min_trace_forces_frame.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("step")) continue;
                String[] f = line.strip().split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
            }
        }
        return rows;
    }

    @Test
    void cgFollowsLammps() throws IOException {
        compare(Algorithm.CG, 1);
    }

    @Test
    void fireFollowsLammps() throws IOException {
        compare(Algorithm.FIRE, 2);
    }

    private static void compare(Algorithm a, int column) throws IOException {
        List<double[]> ref = trace();
        assertEquals(101, ref.size());
        int n = ref.size() - 1;
        double[] ours = new double[n + 1];
        try (Frame f = MinimizerFixtureTest.read("ka_N1000_T0.8_forces_frame.dump"); ParticleStore p = f.particles().copy()) {
            MinimizeOptions o = MinimizeOptions.defaults().withAlgorithm(a).withMaxIterations(n).withThreads(2)
                    .withListener((stage, k, u, fnorm, evals) -> ours[k] = u / 1000);
            Report r = Minimizer.quench(p, f.box(), Models.ka(), o);
            assertEquals(StopReason.MAX_ITERATIONS, r.reason());
            ours[0] = r.initialEnergyPerAtom();
        }
        double worst = 0;
        for (int k = 0; k <= n; k++) {
            assertEquals(ref.get(k)[column], ours[k], 1e-9, a + " iteration " + k);
            worst = Math.max(worst, Math.abs(ref.get(k)[column] - ours[k]));
        }
        System.out.printf("%s: first %d iterations match LAMMPS, max |dU/N| = %.2e%n", a, n, worst);
    }
}
