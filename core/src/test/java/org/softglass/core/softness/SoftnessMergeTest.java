package org.softglass.core.softness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.structure.DescriptorSpec;
import org.softglass.core.structure.FeatureFiles;

/**
 * {@link SoftnessMerge}: {@link SoftnessApply} on descriptor shards, joined, gives the bytes of softness.npy, rows.npy
 * and softness.json (the joined descriptor folder recorded) of one application to all rows, and the same summary;
 * shards of another trajectory are refused.
 */
class SoftnessMergeTest {
    private static final DescriptorSpec SPEC = DescriptorSpec.preset("fluidity-100");

    private static void features(Path dir, int from, int to, String sha) throws Exception {
        int m = SPEC.columnCount();
        try (org.softglass.core.structure.FeatureFiles f = org.softglass.core.structure.FeatureFiles.open(dir, SPEC, NpyDType.FLOAT64, 4L * (to - from), "A",
                new TrajectoryRef("t.dump", sha))) {
            for (int k = from; k < to; k++) {
                Random rnd = new Random(k);
                double[] data = new double[4 * m];
                for (int i = 0; i < data.length; i++) data[i] = rnd.nextDouble();
                f.writeFrame(k, 10L * k, new long[] {1, 2, 5, 9}, data, 4);
            }
            f.finish();
        }
    }

    @Test
    void shardsJoinToTheSingleApplication(@TempDir Path dir) throws Exception {
        int m = SPEC.columnCount();
        Random rnd = new Random(3);
        double[] w = new double[m], mean = new double[m], std = new double[m];
        for (int j = 0; j < m; j++) { w[j] = rnd.nextGaussian(); mean[j] = 0.5; std[j] = 0.3; }
        SoftnessModel model = new SoftnessModel(new Hyperplane(w, -0.2), new Standardization(mean, std),
                org.softglass.core.structure.FeatureFiles.columnMaps(SPEC), Map.of());
        String sha = "b".repeat(64);
        features(dir.resolve("f-all"), 0, 6, sha);
        SoftnessApply.Summary one = SoftnessApply.apply(model, dir.resolve("f-all"), dir.resolve("single"));
        features(dir.resolve("f0"), 0, 1, sha);
        features(dir.resolve("f1"), 1, 6, sha);
        SoftnessApply.apply(model, dir.resolve("f0"), dir.resolve("s0"));
        SoftnessApply.apply(model, dir.resolve("f1"), dir.resolve("s1"));
        SoftnessApply.Summary joined = SoftnessMerge.merge(List.of(dir.resolve("s0"), dir.resolve("s1")), dir.resolve("merged"), dir.resolve("f-all"));
        assertEquals(one, joined, "rows, mean and std summed in the same order");
        for (String f : List.of("softness.npy", "rows.npy", SoftnessTable.SIDECAR)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("single").resolve(f)), Files.readAllBytes(dir.resolve("merged").resolve(f)), f);
        }

        features(dir.resolve("f2"), 1, 6, "c".repeat(64));
        SoftnessApply.apply(model, dir.resolve("f2"), dir.resolve("s2"));
        Exception e = assertThrows(Exception.class, () -> SoftnessMerge.merge(List.of(dir.resolve("s0"), dir.resolve("s2")), dir.resolve("x"), dir.resolve("f")));
        assertTrue(e.getMessage().contains("sha256"), e.getMessage());
        e = assertThrows(Exception.class, () -> SoftnessMerge.merge(List.of(dir.resolve("s1"), dir.resolve("s0")), dir.resolve("y"), dir.resolve("f")));
        assertTrue(e.getMessage().contains("starts at frame 0, expected a frame after 5"), e.getMessage());
    }
}
