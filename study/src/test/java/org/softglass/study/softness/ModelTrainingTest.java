package org.softglass.study.softness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.softness.SoftnessTrainer;

/** {@link ModelTraining}: the training block of a model the trainer made and the model wrote, read back. */
class ModelTrainingTest {
    @TempDir Path dir;

    private static SoftnessTrainer.Result train(int folds) {
        Random rnd = new Random(3);
        double[][] x = new double[40][2];
        int[] y = new int[40];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 2;
            x[i][0] = y[i] + 0.8 * rnd.nextGaussian();
            x[i][1] = rnd.nextGaussian();
        }
        var o = SoftnessTrainer.Options.defaults();
        return SoftnessTrainer.train(x, y, List.of(Map.of("name", "a"), Map.of("name", "b")),
                new SoftnessTrainer.Options(o.c(), folds, o.solver(), o.eps(), o.seed()), Map.of());
    }

    @Test
    void theTrainingBlockReadsBackAsWritten() throws IOException {
        SoftnessTrainer.Result r = train(5);
        r.model().write(dir.resolve("model.json"));
        ModelTraining t = ModelTraining.read(dir.resolve("model.json"));
        assertEquals(40, t.samples());
        assertEquals(r.trainAccuracy(), t.trainAccuracy(), 0.0);
        assertEquals(r.cvAccuracy(), t.cvAccuracy(), 0.0);
    }

    @Test
    void skippedCrossValidationIsNaN() throws IOException {
        train(0).model().write(dir.resolve("m0.json"));
        assertTrue(Double.isNaN(ModelTraining.read(dir.resolve("m0.json")).cvAccuracy()));
    }
}
