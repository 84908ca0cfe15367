package org.softglass.core.simd;

import java.lang.invoke.MethodHandles;

/**
 * Provider of the {@link DistanceKernel} in use: {@link PanamaDistanceKernel} when
 * {@link Simd#enabled()}, otherwise {@link ScalarDistanceKernel}. The Panama kernel is loaded
 * reflectively (see {@link Simd}), so this class works without {@code jdk.incubator.vector}. Both are
 * also reachable directly so tests and benchmarks can compare them in one JVM.
 */
public final class DistanceKernels {
    private DistanceKernels() {}

    private static final DistanceKernel DEFAULT = Simd.enabled() ? panama() : ScalarDistanceKernel.INSTANCE;

    /** The kernel selected by {@link Simd#enabled()} ({@code -Dsoftglass.simd=false} forces scalar). */
    public static DistanceKernel get() { return DEFAULT; }

    /** The scalar reference kernel. */
    public static DistanceKernel scalar() { return ScalarDistanceKernel.INSTANCE; }

    /**
     * The Vector-API kernel (works on any CPU; slow where the vector unit is narrow).
     *
     * @throws UnsupportedOperationException without {@code jdk.incubator.vector}
     */
    public static DistanceKernel panama() {
        return Simd.panama(MethodHandles.lookup(), "PanamaDistanceKernel", DistanceKernel.class);
    }
}
