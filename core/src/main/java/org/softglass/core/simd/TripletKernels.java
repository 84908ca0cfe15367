package org.softglass.core.simd;

import java.lang.invoke.MethodHandles;

/**
 * Provider of the {@link TripletKernel} in use: {@link PanamaTripletKernel} when {@link Simd#enabled()} and
 * the system property {@code softglass.simd.triplets} is not {@code false} (a switch for benchmarks),
 * otherwise {@link ScalarTripletKernel} (the two agree bit for bit, so the choice changes speed only).
 * The Panama kernel is loaded reflectively (see {@link Simd}), so this class works without
 * {@code jdk.incubator.vector}.
 */
public final class TripletKernels {
    private TripletKernels() {}

    private static final TripletKernel DEFAULT =
            Simd.enabled() && !"false".equalsIgnoreCase(System.getProperty("softglass.simd.triplets")) ? panama() : ScalarTripletKernel.INSTANCE;

    /** The kernel selected as above ({@code -Dsoftglass.simd=false} forces scalar everywhere). */
    public static TripletKernel get() { return DEFAULT; }

    /** The scalar kernel. */
    public static TripletKernel scalar() { return ScalarTripletKernel.INSTANCE; }

    /**
     * The Vector-API kernel, whatever {@link Simd#enabled()} says (tests, benchmarks).
     *
     * @throws UnsupportedOperationException without {@code jdk.incubator.vector}
     */
    public static TripletKernel panama() {
        return Simd.panama(MethodHandles.lookup(), "PanamaTripletKernel", TripletKernel.class);
    }
}
