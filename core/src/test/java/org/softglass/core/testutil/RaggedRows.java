package org.softglass.core.testutil;

import java.util.SplittableRandom;

/**
 * Ragged rows for kernel tests that must meet every remainder of a vector loop: row lengths in a shuffled order
 * and their row offsets (the {@code rowStart} layout of the CSR-like arrays the kernels read).
 */
public final class RaggedRows {
    private RaggedRows() {}

    /**
     * Lengths {@code r mod kinds} for rows r = 0 .. n−1 (every length 0 .. kinds−1 when n ≥ kinds), shuffled by
     * Fisher–Yates with {@code rnd} (one {@code nextInt(r + 1)} per row r = n−1 .. 1).
     */
    public static int[] shuffledLengths(int n, int kinds, SplittableRandom rnd) {
        int[] len = new int[n];
        for (int r = 0; r < n; r++) len[r] = r % kinds;
        for (int r = n - 1; r > 0; r--) {
            int o = rnd.nextInt(r + 1), tmp = len[r];
            len[r] = len[o];
            len[o] = tmp;
        }
        return len;
    }

    /** Row offsets: {@code start[0] = 0}, {@code start[r + 1] = start[r] + len[r]}; {@code start[len.length]} is the total. */
    public static int[] starts(int[] len) {
        int[] start = new int[len.length + 1];
        for (int r = 0; r < len.length; r++) start[r + 1] = start[r] + len[r];
        return start;
    }
}
