package org.softglass.core.structure;

import org.softglass.core.simd.Simd;

/**
 * Provider of the {@link DescriptorKernel} in use (DESIGN §8): the Vector-API kernel when
 * {@link Simd#enabled()}, otherwise the scalar one ({@code -Dsoftglass.simd=false} forces scalar).
 */
public final class DescriptorKernels {
    private DescriptorKernels() {}

    private static final DescriptorKernel DEFAULT = Simd.enabled() ? PanamaDescriptorKernel.INSTANCE : ScalarDescriptorKernel.INSTANCE;

    /** The kernel selected by {@link Simd#enabled()}. */
    public static DescriptorKernel get() { return DEFAULT; }

    /** The scalar reference kernel. */
    public static DescriptorKernel scalar() { return ScalarDescriptorKernel.INSTANCE; }

    /** The Vector-API kernel. */
    public static DescriptorKernel panama() { return PanamaDescriptorKernel.INSTANCE; }
}
