package org.softglass.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.io.Frame;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorSpec;

/**
 * {@link DescriptorRate}: the projected figure is CPU seconds per frame / threads, the utilisation CPU / (threads · wall),
 * and {@link DescriptorRate#measure} times only the frames after the warm-up ones, leaving the calculator's rows as a
 * plain computation gives them.
 */
class DescriptorRateTest {

    @Test
    void projectsCpuSecondsPerThreadAndPrintsTheWallBesideIt() {
        DescriptorRate r = new DescriptorRate(8.0, 4.0, 2, 2, 4, 5.9);   // a loaded machine: the process got a quarter of 2 cores
        assertEquals(2.0, r.secondsPerFrame(), 0);
        assertEquals(0.25, r.utilisation(), 0);
        String s = r.describe();
        assertTrue(s.startsWith("2.000 s per frame on 2 free cores (CPU 4.000 s per frame; wall 8.000 s, 25 % of 2 cores, load 5.9; 2 untimed"), s);

        DescriptorRate round = DescriptorRate.of(0.1, 2);   // round numbers (the projection tests): wall = CPU / threads
        assertEquals(0.1, round.secondsPerFrame(), 1e-15);
        assertEquals(1.0, round.utilisation(), 1e-15);
        assertTrue(round.describe().contains("load unknown"), round.describe());
        assertEquals(0.1, new PipelineRates(2, 1e6, 0.5, 0.1, 1000, 4).descriptorSecondsPerFrame(), 1e-15);
    }

    @Test
    void measureTimesTheFramesAfterTheWarmUp() {
        // 64 particles (A:B = 48:16) at ρ = 1.2 in a box of side 3.77 < 2 rmax: the periodic-image mode, a few ms per frame
        Box box = Box.cubicForDensity(64, 1.2);
        SplittableRandom rnd = new SplittableRandom(7);
        try (ParticleStore p = ParticleStore.allocate(64);
             DescriptorCalculator calc = new DescriptorCalculator(DescriptorSpec.preset("ka-266"), 1)) {
            for (int i = 0; i < 64; i++) {
                p.setPosition(i, rnd.nextDouble() * box.lx(), rnd.nextDouble() * box.ly(), rnd.nextDouble() * box.lz());
                p.setSpecies(i, i < 48 ? 0 : 1);
                p.setId(i, i + 1);
            }
            Frame f = Frame.of(0, box, p);
            DescriptorRate r = DescriptorRate.measure(calc, List.of(f), List.of(f, f));
            assertEquals(1, r.warmFrames());
            assertEquals(2, r.frames());
            assertEquals(1, r.threads());
            assertTrue(r.wallSecondsPerFrame() > 0 && r.cpuSecondsPerFrame() >= 0 && Double.isFinite(r.secondsPerFrame()), r.describe());
            double[] rows = calc.compute(f, DescriptorCalculator.centres(p, 0));
            assertEquals(48 * calc.columns(), rows.length);
            assertArrayEquals(rows, calc.compute(f, DescriptorCalculator.centres(p, 0)), "measuring leaves the calculator as it was");
        }
    }
}
