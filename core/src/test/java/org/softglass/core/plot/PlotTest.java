package org.softglass.core.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotTest {
    @TempDir Path dir;

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        double[] x = {0.1, 1, 10, 100}, y = {1, 0.8, 0.3, 0.01};
        Path f = dir.resolve("q.png");
        Plot.xy("Q", "t", "Q", 640, 400).logX().line("model", x, y)
                .errors("data", x, y, new double[]{0.01, 0.02, 0.02, 0.01}).save(f);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        try (var s = Files.list(dir)) { assertEquals(1, s.count(), "no temporary file left"); }
    }

    @Test
    void dropsPointsALogAxisCannotShowAndNonFiniteOnes() throws Exception {
        Plot p = Plot.xy("t", "x", "y").logY()
                .points("all bad", new double[]{1, 2}, new double[]{0, Double.NaN})
                .points("one good", new double[]{1, 2}, new double[]{-1, 3});
        assertEquals(1, p.seriesCount());
        p.save(dir.resolve("a.png"));
        assertTrue(Files.size(dir.resolve("a.png")) > 0);
    }

    @Test
    void refusesMismatchedLengths() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plot.xy("t", "x", "y").line("s", new double[2], new double[3]));
        assertTrue(e.getMessage().contains("'s'"), e.getMessage());
    }
}
