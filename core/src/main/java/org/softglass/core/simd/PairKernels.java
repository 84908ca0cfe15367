package org.softglass.core.simd;

import java.lang.invoke.MethodHandles;

/**
 * Provider of the {@link PairKernel} in use: {@link PanamaPairKernel} when {@link Simd#enabled()},
 * otherwise {@link ScalarPairKernel}. The Panama kernel is loaded reflectively (see {@link Simd}), so
 * this class works without {@code jdk.incubator.vector}.
 */
public final class PairKernels {
    private PairKernels() {}

    private static final PairKernel DEFAULT = Simd.enabled() ? panama() : ScalarPairKernel.INSTANCE;

    /** The kernel selected by {@link Simd#enabled()} ({@code -Dsoftglass.simd=false} forces scalar). */
    public static PairKernel get() { return DEFAULT; }

    /** The scalar kernel. */
    public static PairKernel scalar() { return ScalarPairKernel.INSTANCE; }

    /**
     * The Vector-API kernel, whatever {@link Simd#enabled()} says (tests, benchmarks).
     *
     * @throws UnsupportedOperationException without {@code jdk.incubator.vector}
     */
    public static PairKernel panama() {
        return Simd.panama(MethodHandles.lookup(), "PanamaPairKernel", PairKernel.class);
    }
}
