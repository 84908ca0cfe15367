package org.softglass.core.util;

/** Primitive sorting helpers that avoid boxing. */
public final class Sorting {
    private Sorting() {}

    /**
     * Sorts {@code keys} ascending and applies the same permutation to {@code idx} (a stable
     * merge sort; both arrays are modified). Ties keep their input order.
     */
    public static void sortIndicesByKey(long[] keys, int[] idx) {
        int n = keys.length;
        if (idx.length != n) throw new IllegalArgumentException("keys and indices differ in length");
        long[] kt = new long[n];
        int[] it = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
                int a = lo, b = mid, o = lo;
                while (a < mid && b < hi) {
                    if (keys[b] < keys[a]) { kt[o] = keys[b]; it[o++] = idx[b++]; }
                    else { kt[o] = keys[a]; it[o++] = idx[a++]; }
                }
                while (a < mid) { kt[o] = keys[a]; it[o++] = idx[a++]; }
                while (b < hi) { kt[o] = keys[b]; it[o++] = idx[b++]; }
            }
            System.arraycopy(kt, 0, keys, 0, n);
            System.arraycopy(it, 0, idx, 0, n);
        }
    }
}
