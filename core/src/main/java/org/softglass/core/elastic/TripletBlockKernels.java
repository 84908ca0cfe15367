package org.softglass.core.elastic;

import java.lang.invoke.MethodHandles;
import java.util.Locale;
import org.softglass.core.simd.Simd;

/**
 * Provider of the {@link TripletBlockKernel} in use. System property {@code softglass.simd.hessianTriplets}, read
 * once: {@code vector} selects {@link PanamaTripletBlockKernel} when {@link Simd#enabled()}, {@code scalar} (the
 * default) {@link ScalarTripletBlockKernel}. The Panama kernel is loaded reflectively (see {@link Simd}), so this
 * class works without {@code jdk.incubator.vector}.
 */
final class TripletBlockKernels {
    private TripletBlockKernels() {}

    /** The value of {@code softglass.simd.hessianTriplets} that selects the Vector-API kernel. */
    static final String VECTOR = "vector";

    private static final TripletBlockKernel DEFAULT =
            Simd.enabled() && VECTOR.equals(System.getProperty("softglass.simd.hessianTriplets", "scalar").toLowerCase(Locale.ROOT))
                    ? panama() : ScalarTripletBlockKernel.INSTANCE;

    /** The kernel selected as above ({@code -Dsoftglass.simd=false} forces scalar everywhere). */
    static TripletBlockKernel get() { return DEFAULT; }

    /** The scalar kernel. */
    static TripletBlockKernel scalar() { return ScalarTripletBlockKernel.INSTANCE; }

    /** The Vector-API kernel; throws UnsupportedOperationException without {@code jdk.incubator.vector}. */
    static TripletBlockKernel panama() { return Simd.panama(MethodHandles.lookup(), "PanamaTripletBlockKernel", TripletBlockKernel.class); }
}
