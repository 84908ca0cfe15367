package org.softglass.core.trsp;

import java.lang.invoke.MethodHandles;
import org.softglass.core.simd.Simd;

/**
 * Provider of the {@link KickKernel} in use: {@link PanamaKickKernel} when {@link Simd#enabled()},
 * otherwise {@link ScalarKickKernel}. The Panama kernel is loaded reflectively (see {@link Simd}), so
 * this class works without {@code jdk.incubator.vector}.
 */
final class KickKernels {
    private KickKernels() {}

    private static final KickKernel DEFAULT = Simd.enabled() ? panama() : ScalarKickKernel.INSTANCE;

    /** The kernel selected by {@link Simd#enabled()}. */
    static KickKernel get() { return DEFAULT; }

    /** The scalar kernel. */
    static KickKernel scalar() { return ScalarKickKernel.INSTANCE; }

    /** The Vector-API kernel; throws UnsupportedOperationException without {@code jdk.incubator.vector}. */
    static KickKernel panama() { return Simd.panama(MethodHandles.lookup(), "PanamaKickKernel", KickKernel.class); }
}
