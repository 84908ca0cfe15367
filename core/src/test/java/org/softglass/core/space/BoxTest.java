package org.softglass.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoxTest {
    private final Box box = new Box(new double[] {-1.0, 2.0, 0.5}, new double[] {3.0, 4.5, 7.25});

    @Test
    void minimumImageIsTheNearestImage() {
        SplittableRandom r = new SplittableRandom(1);
        for (int k = 0; k < 10_000; k++) {
            for (int a = 0; a < 3; a++) {
                double l = box.length(a), d = (r.nextDouble() - 0.5) * 10 * l;
                double m = box.minimumImage(d, a);
                assertTrue(Math.abs(m) <= l / 2 + 1e-12);
                // m differs from d by a whole number of box lengths
                double n = (d - m) / l;
                assertEquals(Math.rint(n), n, 1e-9);
                // and no other image is nearer (brute force over neighbouring images)
                for (int s = -6; s <= 6; s++) assertTrue(Math.abs(m) <= Math.abs(d + s * l) + 1e-12);
            }
        }
    }

    @Test
    void wrapAndUnwrapRoundTrip() {
        SplittableRandom r = new SplittableRandom(2);
        for (int k = 0; k < 10_000; k++) {
            for (int a = 0; a < 3; a++) {
                double x = box.lo(a) + (r.nextDouble() - 0.5) * 20 * box.length(a);
                double w = box.wrap(x, a);
                int img = box.imageShift(x, a);
                assertTrue(w >= box.lo(a) && w < box.hi(a), "wrapped " + w);
                assertEquals(x, box.unwrap(w, img, a), 1e-12 * Math.max(1, Math.abs(x)));
            }
        }
        // a point a hair below lo must wrap strictly inside, not onto hi
        assertTrue(box.wrap(-1.0 - 1e-17, 0) < box.hi(0));
        assertEquals(-1.0, box.wrap(2.0, 0));
    }

    @Test
    void geometry() {
        assertEquals(3.0 * 4.5 * 7.25, box.volume(), 1e-12);
        assertEquals(3.0, box.minLength());
        assertEquals(Math.cbrt(1000 / 1.2), Box.cubicForDensity(1000, 1.2).lx(), 1e-14);
        assertEquals(1.0 + 1.0 + 0.25, Box.cubic(10).distanceSquared(0.5, 9.5, 5, 9.5, 0.5, 5.5), 1e-12);
    }

    @Test
    void badBoxesAreRefusedWithTheAxis() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Box(new double[] {0, 0, 0}, new double[] {1, 0, 1}));
        assertTrue(e.getMessage().contains("along y"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Box(new double[] {0, 0, 0}, new double[] {1, 1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Box.cubicForDensity(10, 0));
    }
}
