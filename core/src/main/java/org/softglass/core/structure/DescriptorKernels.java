package org.softglass.core.structure;

import java.lang.invoke.MethodHandles;
import org.softglass.core.simd.Simd;

/**
 * Provider of the {@link DescriptorKernel} in use (DESIGN §8): {@link PanamaDescriptorKernel} when
 * {@link Simd#enabled()}, otherwise {@link ScalarDescriptorKernel} ({@code -Dsoftglass.simd=false}
 * forces scalar). The Panama kernel is loaded reflectively (see {@link Simd}), so this class works
 * without {@code jdk.incubator.vector}.
 */
public final class DescriptorKernels {
    private DescriptorKernels() {}

    private static final DescriptorKernel DEFAULT = Simd.enabled() ? panama() : ScalarDescriptorKernel.INSTANCE;

    /** The kernel selected by {@link Simd#enabled()}. */
    public static DescriptorKernel get() { return DEFAULT; }

    /** The scalar reference kernel. */
    public static DescriptorKernel scalar() { return ScalarDescriptorKernel.INSTANCE; }

    /**
     * The Vector-API kernel, whatever {@link Simd#enabled()} says (tests, benchmarks).
     *
     * @throws UnsupportedOperationException without {@code jdk.incubator.vector}
     */
    public static DescriptorKernel panama() {
        return Simd.panama(MethodHandles.lookup(), "PanamaDescriptorKernel", DescriptorKernel.class);
    }
}
