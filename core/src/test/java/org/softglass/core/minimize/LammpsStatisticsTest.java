package org.softglass.core.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.testutil.Fixtures;

/**
 * Inherent-structure energies over many frames agree with LAMMPS statistically.
 *
 * <p>Reference: resource {@code minimize/lammps_is_ka_N1000_T0.8.csv}, LAMMPS cg+fire
 * ({@code inputs/in.ka_inherent}) on each of the 200 frames of {@code ka_N1000_T0.8_traj.dump.gz}
 * (provenance in its header). We quench every 10th frame (20 frames, 10 τ apart, more than 3 τ_α, so
 * nearly independent) from the same 6-digit coordinates with our cg+fire and default tolerances.
 * Every quench must converge (|F|₂ &lt; 1e-10). The two means over these frames must agree within
 * three combined standard errors, {@code |ū_ours − ū_LAMMPS| < 3 sqrt(s²_ours/n + s²_LAMMPS/n)}
 * with s the frame-to-frame standard deviation: the two codes may end in different nearby minima
 * (see the fixture README), so only the distribution is compared, not each frame.
 */
class LammpsStatisticsTest {
    static final int STRIDE = 10;

    static Map<Integer, Double> lammpsEnergies() throws IOException {
        Map<Integer, Double> m = new HashMap<>();
        try (InputStream in = LammpsStatisticsTest.class.getResourceAsStream("/minimize/lammps_is_ka_N1000_T0.8.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("frame")) continue;
                String[] f = line.strip().split(",");
                m.put(Integer.parseInt(f[0]), Double.parseDouble(f[2]));
            }
        }
        return m;
    }

    @Test
    void meanInherentStructureEnergyAgreesWithLammps() throws IOException {
        Map<Integer, Double> ref = lammpsEnergies();
        assertEquals(200, ref.size());
        // read the 20 frames, then quench them two at a time (one worker thread each: on 2 cores this is
        // faster than two threads per quench of 1000 particles; results do not depend on the thread count)
        List<Frame> frames = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        long t0 = System.nanoTime();
        try (LammpsDumpReader reader = LammpsDumpReader.open(Fixtures.lammps("ka_N1000_T0.8_traj.dump.gz"))) {
            int k = 0;
            for (Frame next; (next = reader.next()) != null; k++) {
                if (k % STRIDE == 0) {
                    frames.add(next);
                    index.add(k);
                } else {
                    next.close();
                }
            }
        }
        Report[] reports = new Report[frames.size()];
        AtomicInteger cursor = new AtomicInteger();
        Runnable worker = () -> {
            try (Minimizer m = new Minimizer(Models.ka(), MinimizeOptions.defaults().withThreads(1))) {
                for (int j; (j = cursor.getAndIncrement()) < frames.size(); ) {
                    reports[j] = m.minimize(frames.get(j).particles(), frames.get(j).box(), null);
                }
            }
        };
        Thread other = Thread.ofPlatform().start(worker);
        worker.run();
        try {
            other.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        frames.forEach(Frame::close);
        int n = 0, same = 0;
        long evals = 0;
        double sumO = 0, sumO2 = 0, sumL = 0, sumL2 = 0;
        for (int j = 0; j < reports.length; j++) {
            Report r = reports[j];
            int k = index.get(j);
            assertTrue(r.converged(), "frame " + k + ": " + r);
            assertTrue(r.fnorm() < 1e-10, "frame " + k + ": fnorm " + r.fnorm());
            double uo = r.energyPerAtom(), ul = ref.get(k);
            if (Math.abs(uo - ul) < 1e-9) same++;
            sumO += uo; sumO2 += uo * uo; sumL += ul; sumL2 += ul * ul;
            evals += r.forceEvaluations();
            n++;
        }
        assertEquals(20, n);
        double mo = sumO / n, ml = sumL / n;
        double vo = (sumO2 - n * mo * mo) / (n - 1), vl = (sumL2 - n * ml * ml) / (n - 1);
        double sigma = Math.sqrt(vo / n + vl / n);
        System.out.printf("IS energies over %d frames: ours %.6f +- %.6f, LAMMPS %.6f +- %.6f, diff %.2e (3 sigma = %.2e); "
                        + "%d of %d frames in the same minimum (|dU/N| < 1e-9); %d force evaluations, %.1f s%n",
                n, mo, Math.sqrt(vo / n), ml, Math.sqrt(vl / n), mo - ml, 3 * sigma, same, n, evals, (System.nanoTime() - t0) * 1e-9);
        assertTrue(Math.abs(mo - ml) < 3 * sigma, "means differ by " + (mo - ml) + ", 3 sigma = " + 3 * sigma);
        assertTrue(mo > -7.60 && mo < -7.53, "mean U_IS/N " + mo);
    }
}
