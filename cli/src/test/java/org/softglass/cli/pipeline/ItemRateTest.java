package org.softglass.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.softglass.core.io.Frame;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;
import org.softglass.core.structure.DescriptorCalculator;
import org.softglass.core.structure.DescriptorSpec;

/**
 * {@link ItemRate}: the projected figure is CPU seconds per item / threads, the utilisation CPU / (threads · wall), and
 * {@link ItemRate#time} times exactly the work it is given and divides by its item count.
 */
class ItemRateTest {

    @Test
    void projectsCpuSecondsPerThreadAndPrintsTheWallBesideIt() {
        ItemRate r = new ItemRate(8.0, 4.0, 2, 2, 4, 5.9);   // a loaded machine: the process got a quarter of its 2 cores
        assertEquals(2.0, r.secondsPerItem(), 0);
        assertEquals(0.25, r.utilisation(), 0);
        String s = r.describe("frame");
        assertEquals("2.000 s per frame on 2 free cores (CPU 4.000 s per frame over 4 frames after 2 untimed; wall 8.000 s, 25 % of 2 cores,"
                + " load 5.9)", s);

        ItemRate round = ItemRate.of(0.1, 2);   // round numbers (the projection tests): wall = CPU / threads, no load
        assertEquals(0.1, round.secondsPerItem(), 1e-15);
        assertEquals(1.0, round.utilisation(), 1e-15);
        assertTrue(round.describe("frame").endsWith("load unknown)"), round.describe("frame"));
        PipelineRates p = new PipelineRates(2, 1e6, 0.5, 0.1, 1000);
        assertEquals(0.5, p.quenchSecondsPerFrame(), 1e-15);
        assertEquals(0.1, p.descriptorSecondsPerFrame(), 1e-15);
    }

    @Test
    void timesTheGivenWorkPerItem() {
        // 64 particles (A:B = 48:16) at ρ = 1.2 in a box of side 3.77 < 2 rmax (the periodic-image mode): ms per frame
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
            int[] a = DescriptorCalculator.centres(p, 0);
            double[] first = calc.compute(f, a), again = new double[first.length];
            int[] runs = {0};
            ItemRate r = ItemRate.time(1, 1, 2, () -> {
                for (int k = 0; k < 2; k++) calc.compute(f.box(), p, a, again, 0);
                runs[0]++;
            });
            assertEquals(1, runs[0], "the work runs once");
            assertEquals(1, r.warmItems());
            assertEquals(2, r.items());
            assertEquals(1, r.threads());
            assertTrue(r.wallSecondsPerItem() > 0 && r.cpuSecondsPerItem() >= 0 && Double.isFinite(r.secondsPerItem()), r.describe("frame"));
            assertArrayEquals(first, again, "the timed work computes what it computes untimed");
        }
    }
}
