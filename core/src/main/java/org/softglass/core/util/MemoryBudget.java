package org.softglass.core.util;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * A check of a planned allocation against the memory this JVM can have, made before allocating from
 * an untrusted size (a file header, a command-line option), so that an absurd size ends in one clear
 * line instead of an {@link OutOfMemoryError} or the process being killed.
 *
 * <p>The limit is {@code min(Runtime.maxMemory(), physical memory)}: the heap limit bounds Java arrays,
 * and off-heap segments ({@link java.lang.foreign.Arena#allocate}) are bounded by
 * {@code -XX:MaxDirectMemorySize}, which defaults to the same heap limit; neither can exceed the
 * machine's memory. The check is of the total, not of what is free now: memory held by earlier,
 * unreachable objects is collected when needed. It is a necessary condition, not a guarantee.
 */
public final class MemoryBudget {
    private static final double GIB = 1024.0 * 1024 * 1024;

    private MemoryBudget() {}

    /** The most bytes one allocation plan may need (bytes). */
    public static long limit() {
        long heap = Runtime.getRuntime().maxMemory();
        long physical = Long.MAX_VALUE;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getTotalMemorySize();
            if (t > 0) physical = t;
        }
        return Math.min(heap, physical);
    }

    /** Whether {@code bytes} (≥ 0; negative means overflowed, hence too much) fit in {@link #limit()}. */
    public static boolean fits(long bytes) {
        return bytes >= 0 && bytes <= limit();
    }

    /**
     * {@code count · bytesEach}, saturating at {@link Long#MAX_VALUE} instead of overflowing.
     *
     * @param count a non-negative count
     * @param bytesEach non-negative bytes per item
     */
    public static long times(long count, long bytesEach) {
        if (count < 0 || bytesEach < 0) throw new IllegalArgumentException("negative size: " + count + " x " + bytesEach);
        return bytesEach != 0 && count > Long.MAX_VALUE / bytesEach ? Long.MAX_VALUE : count * bytesEach;
    }

    /**
     * Refuses a plan that does not fit.
     *
     * @param bytes bytes the plan needs
     * @param what what needs them, naming the option or input, e.g. {@code "--n 1000000000 (particles)"}
     * @throws IllegalArgumentException "WHAT needs X GiB, more than the Y GiB this JVM can use (-Xmx)"
     */
    public static void require(long bytes, String what) {
        if (!fits(bytes)) throw new InvalidParameter(describe(bytes, what));   // WHAT may name parameters by token
    }

    /** The one-line refusal text used by {@link #require}, for callers that throw their own type. */
    public static String describe(long bytes, String what) {
        return what + " needs " + gib(bytes) + " GiB of memory, more than the " + gib(limit())
                + " GiB this JVM can use (raise -Xmx or reduce the size)";
    }

    /** Bytes in GiB: 3 significant digits, whole GiB from 100 on ("&gt; 8e9" for a saturated size). */
    static String gib(long bytes) {
        if (bytes < 0 || bytes == Long.MAX_VALUE) return "> 8e9";
        double g = bytes / GIB;
        return String.format(Locale.ROOT, g >= 100 ? "%.0f" : "%.3g", g);
    }
}
