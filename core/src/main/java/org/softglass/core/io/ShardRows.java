package org.softglass.core.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code rows.npy} files (R × 3 int64: frame, timestep, id) of the consecutive frame-block shards that one merge
 * joins ({@link org.softglass.core.structure.FeatureMerge}, {@link org.softglass.core.softness.SoftnessMerge}), read
 * shard after shard: each must hold one row per row of its shard's data file, and each shard's first frame must come
 * after the last frame of the shard before it. One instance per merge; it remembers that last frame.
 */
public final class ShardRows {
    private long lastFrame = -1;

    /**
     * Checks that a shard's rows.npy is {@code <i8 (n, 3)}.
     *
     * @param rr the shard's rows
     * @param rn its path (for messages)
     * @param n the row count of the shard's data file
     * @param expected what the message adds after "expected <i8 (n, 3)" (e.g. ", one row per value of softness.npy"; may be empty)
     * @throws InputFormatException naming the file, its dtype and shape
     */
    public static void requireShape(NpyReader rr, Path rn, long n, String expected) {
        if (rr.shape().length != 2 || rr.shape()[0] != n || rr.shape()[1] != 3 || rr.dtype() != NpyDType.INT64) {
            throw new InputFormatException(rn.toString(), -1, rr.dtype().descr() + " shape " + java.util.Arrays.toString(rr.shape())
                    + ", expected <i8 (" + n + ", 3)" + expected);
        }
    }

    /**
     * Reads row {@code i} of a shard's rows into {@code r}; the first row of a shard must be of a frame after
     * {@link #lastFrame()}, which becomes {@code r[0]}.
     *
     * @param rr the shard's rows, positioned at row {@code i}
     * @param rn its path (for messages)
     * @param i the row's index in the shard
     * @param r receives frame, timestep, id
     * @throws InputFormatException when the shard starts at or before the last frame of the one before it
     */
    public void read(NpyReader rr, Path rn, long i, long[] r) throws IOException {
        rr.readRow(r);
        if (i == 0 && r[0] <= lastFrame) {
            throw new InputFormatException(rn.toString(), -1, "starts at frame " + r[0] + ", expected a frame after " + lastFrame
                    + " (the last of the shard before it): shards overlap or are out of order");
        }
        lastFrame = r[0];
    }

    /** The frame of the last row read (-1 before the first). */
    public long lastFrame() { return lastFrame; }
}
