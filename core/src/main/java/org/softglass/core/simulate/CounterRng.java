package org.softglass.core.simulate;

/**
 * Counter-based random numbers: a value is a pure function of (seed, step, index), so thermal noise
 * does not depend on thread count or scheduling and a resumed run draws the same numbers. The mixer
 * is SplitMix64's finaliser (Steele, Lea, Flood 2014) applied to a combination of the counters;
 * Gaussians by Box–Muller from two such uniforms.
 */
public final class CounterRng {
    private CounterRng() {}

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in (0, 1) from the counters. */
    public static double uniform(long seed, long step, long index) {
        long h = mix(mix(mix(seed + 0x9E3779B97F4A7C15L) ^ step) + index * 0x9E3779B97F4A7C15L);
        return ((h >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** A standard normal deviate from the counters (index uses 2·index and 2·index+1). */
    public static double gaussian(long seed, long step, long index) {
        double u1 = uniform(seed, step, 2 * index), u2 = uniform(seed, step, 2 * index + 1);
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
