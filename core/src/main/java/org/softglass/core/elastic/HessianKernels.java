package org.softglass.core.elastic;

import java.lang.invoke.MethodHandles;
import org.softglass.core.simd.Simd;

/**
 * Provider of the {@link HessianKernel} in use: {@link PanamaHessianKernel} when {@link Simd#enabled()},
 * otherwise {@link ScalarHessianKernel}. The Panama kernel is loaded reflectively (see {@link Simd}),
 * so this class works without {@code jdk.incubator.vector}.
 */
final class HessianKernels {
    private HessianKernels() {}

    private static final HessianKernel DEFAULT = Simd.enabled() ? panama() : ScalarHessianKernel.INSTANCE;

    /** The kernel selected by {@link Simd#enabled()}. */
    static HessianKernel get() { return DEFAULT; }

    /** The scalar kernel. */
    static HessianKernel scalar() { return ScalarHessianKernel.INSTANCE; }

    /** The Vector-API kernel; throws UnsupportedOperationException without {@code jdk.incubator.vector}. */
    static HessianKernel panama() { return Simd.panama(MethodHandles.lookup(), "PanamaHessianKernel", HessianKernel.class); }
}
