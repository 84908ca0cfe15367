package org.softglass.core.simd;

/**
 * Provider of the {@link DistanceKernel} in use, in the manner of Lucene's
 * {@code VectorizationProvider}: the Panama kernel when {@link Simd#enabled()}, otherwise the scalar
 * one. Both are also reachable directly so tests and benchmarks can compare them in one JVM.
 */
public final class DistanceKernels {
    private DistanceKernels() {}

    private static final DistanceKernel DEFAULT =
            Simd.enabled() ? PanamaDistanceKernel.INSTANCE : ScalarDistanceKernel.INSTANCE;

    /** The kernel selected by {@link Simd#enabled()} ({@code -Dsoftglass.simd=false} forces scalar). */
    public static DistanceKernel get() { return DEFAULT; }

    /** The scalar reference kernel. */
    public static DistanceKernel scalar() { return ScalarDistanceKernel.INSTANCE; }

    /** The Vector-API kernel (works on any CPU; slow where the vector unit is narrow). */
    public static DistanceKernel panama() { return PanamaDistanceKernel.INSTANCE; }
}
