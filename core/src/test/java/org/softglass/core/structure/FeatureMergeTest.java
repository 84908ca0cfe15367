package org.softglass.core.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.TrajectoryRef;

/**
 * {@link FeatureMerge}: descriptor directories of consecutive frame blocks, written by {@link FeatureFiles} as shards,
 * join into the bytes of one directory written over all frames (f4 and f8; the Welford statistics of
 * features.json recomputed row by row), and shards that disagree or overlap are refused.
 */
class FeatureMergeTest {
    private static final DescriptorSpec SPEC = DescriptorSpec.preset("fluidity-100");
    private static final TrajectoryRef TRAJ = new TrajectoryRef("t.dump", "a".repeat(64));

    /** Frames [from, to) of a synthetic table: frame k has 3 + k % 2 rows, ids 1.., values from a seeded stream per frame. */
    private static void write(Path dir, int from, int to, NpyDType type, String species) throws Exception {
        int m = SPEC.columnCount();
        long rows = 0;
        for (int k = from; k < to; k++) rows += 3 + k % 2;
        try (FeatureFiles f = FeatureFiles.open(dir, SPEC, type, rows, species, TRAJ)) {
            for (int k = from; k < to; k++) {
                int n = 3 + k % 2;
                Random rnd = new Random(k);
                double[] data = new double[n * m];
                for (int i = 0; i < data.length; i++) data[i] = rnd.nextGaussian() * 1e3 + 1e4;   // far from 0: round-off matters
                long[] ids = new long[n];
                for (int i = 0; i < n; i++) ids[i] = i + 1;
                f.writeFrame(k, 100L * k, ids, data, n);
            }
            f.finish();
        }
    }

    @Test
    void shardsJoinToTheSingleWriteByteForByte(@TempDir Path dir) throws Exception {
        for (NpyDType type : List.of(NpyDType.FLOAT32, NpyDType.FLOAT64)) {
            Path t = dir.resolve(type.name());
            write(t.resolve("single"), 0, 9, type, "A");
            write(t.resolve("a"), 0, 2, type, "A");
            write(t.resolve("b"), 2, 7, type, "A");
            write(t.resolve("c"), 7, 9, type, "A");
            long rows = FeatureMerge.merge(List.of(t.resolve("a"), t.resolve("b"), t.resolve("c")), t.resolve("merged"));
            assertEquals(31, rows);
            for (String f : List.of("features.npy", "rows.npy", "features.json")) {
                assertArrayEquals(Files.readAllBytes(t.resolve("single").resolve(f)), Files.readAllBytes(t.resolve("merged").resolve(f)), type + " " + f);
            }
        }
    }

    @Test
    void disagreeingOrOverlappingShardsAreRefused(@TempDir Path dir) throws Exception {
        write(dir.resolve("a"), 0, 3, NpyDType.FLOAT32, "A");
        write(dir.resolve("b"), 3, 5, NpyDType.FLOAT32, "B");
        write(dir.resolve("c"), 3, 5, NpyDType.FLOAT64, "A");
        write(dir.resolve("d"), 2, 5, NpyDType.FLOAT32, "A");
        InputFormatException e = assertThrows(InputFormatException.class, () -> FeatureMerge.merge(List.of(dir.resolve("a"), dir.resolve("b")), dir.resolve("x")));
        assertTrue(e.getMessage().contains("\"center_species\" is \"B\" but \"A\""), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> FeatureMerge.merge(List.of(dir.resolve("a"), dir.resolve("c")), dir.resolve("x")));
        assertTrue(e.getMessage().contains("\"dtype\" is \"f8\" but \"f4\""), e.getMessage());
        e = assertThrows(InputFormatException.class, () -> FeatureMerge.merge(List.of(dir.resolve("a"), dir.resolve("d")), dir.resolve("x")));
        assertTrue(e.getMessage().contains("starts at frame 2, expected a frame after 2"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x").resolve("features.npy")), "nothing written");
        assertFalse(Files.exists(dir.resolve("x").resolve("rows.npy")), "nothing written");
    }
}
