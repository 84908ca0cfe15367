package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ShardRows}: the shape check of a shard's rows.npy and the frame order from shard to shard. */
class ShardRowsTest {
    /** Writes rows (frame, timestep, id) to {@code dir/name}. */
    private static Path rows(Path dir, String name, long[][] rows) throws IOException {
        Path f = dir.resolve(name);
        try (NpyWriter w = NpyWriter.open(f, NpyDType.INT64, rows.length, 3)) {
            for (long[] r : rows) w.writeRow(r);
        }
        return f;
    }

    @Test
    void aShardMustHoldOneInt64TripleForEachOfItsRows(@TempDir Path dir) throws IOException {
        Path f = rows(dir, "rows.npy", new long[][] {{0, 0, 1}, {0, 0, 2}});
        try (NpyReader rr = NpyReader.open(f)) {
            ShardRows.requireShape(rr, f, 2, "");
            InputFormatException e = assertThrows(InputFormatException.class, () -> ShardRows.requireShape(rr, f, 3, ", one row per value"));
            assertEquals(f + ": <i8 shape [2, 3], expected <i8 (3, 3), one row per value", e.getMessage());
        }
        Path d = dir.resolve("f8.npy");
        NpyWriter.write(d, NpyDType.FLOAT64, new double[][] {{0, 0, 1}, {0, 0, 2}});
        try (NpyReader rr = NpyReader.open(d)) {
            InputFormatException e = assertThrows(InputFormatException.class, () -> ShardRows.requireShape(rr, d, 2, ""));
            assertEquals(d + ": <f8 shape [2, 3], expected <i8 (2, 3)", e.getMessage());
        }
    }

    @Test
    void eachShardStartsAfterTheLastFrameOfTheOneBefore(@TempDir Path dir) throws IOException {
        Path a = rows(dir, "a.npy", new long[][] {{0, 0, 1}, {3, 300, 1}});
        Path b = rows(dir, "b.npy", new long[][] {{4, 400, 1}, {4, 400, 2}});
        Path c = rows(dir, "c.npy", new long[][] {{4, 400, 3}});
        ShardRows order = new ShardRows();
        assertEquals(-1, order.lastFrame());
        long[] r = new long[3];
        for (Path f : new Path[] {a, b}) {
            try (NpyReader rr = NpyReader.open(f)) {
                for (long i = 0; i < 2; i++) order.read(rr, f, i, r);
            }
        }
        assertArrayEquals(new long[] {4, 400, 2}, r);
        assertEquals(4, order.lastFrame());
        try (NpyReader rr = NpyReader.open(c)) {
            InputFormatException e = assertThrows(InputFormatException.class, () -> order.read(rr, c, 0, r));
            assertEquals(c + ": starts at frame 4, expected a frame after 4 (the last of the shard before it): shards overlap or are out of order",
                    e.getMessage());
        }
    }
}
