package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * Issue 20 item 2: an rmax far larger than half the box means every periodic image within rmax is a
 * neighbour; past what memory can hold, the calculator refuses at once (it used to grind through
 * the images and end in an OutOfMemoryError).
 */
class DescriptorSizeTest {
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void rmaxFarBeyondTheBoxIsRefusedBeforeAllocating() {
        DescriptorSpec spec = DescriptorSpec.preset("ka-266");
        Box box = Box.cubic(0.01);
        try (ParticleStore p = ParticleStore.allocate(4);
             DescriptorCalculator calc = new DescriptorCalculator(spec, 1)) {
            for (int i = 0; i < 4; i++) p.setPosition(i, 0.002 * i, 0.001, 0.003);
            double[] out = new double[4 * calc.columns()];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> calc.compute(box, p, new int[] {0, 1, 2, 3}, out, 0));
            assertTrue(e.getMessage().startsWith("rmax " + spec.rmax() + " in a box of side 0.01"), e.getMessage());
            assertTrue(e.getMessage().contains("GiB this JVM can use"), e.getMessage());
        }
    }
}
