package org.softglass.core.elastic;

import java.lang.invoke.MethodHandles;
import java.util.Locale;
import org.softglass.core.simd.Simd;

/**
 * Providers of the {@link TripletBlockKernel}s in use, one for the single-vector product ({@link #rows()}) and one
 * for the blocked product of several vectors ({@link #blocked()}). The Panama kernel is loaded reflectively (see
 * {@link Simd}), so this class works without {@code jdk.incubator.vector}; without it, or with
 * {@code -Dsoftglass.simd=false}, both are {@link ScalarTripletBlockKernel}.
 *
 * <p>When {@link Simd#enabled()}, the system property {@code softglass.simd.hessianTriplets} (read once; a switch for
 * benchmarks) chooses: unset (the default) — {@link PanamaTripletBlockKernel} for the blocked product and the scalar
 * kernel for the single vector; {@code vector} — Panama for both; {@code scalar} — scalar for both. The default
 * follows the measurements of 2026-12-04 (bench/RESULTS.md, SW N = 8000, one thread): the blocked product of 8
 * vectors took 4–7 ms against 18–21 ms with the scalar kernel (lanes over the vectors, the matrix read once), but
 * the single-vector product, which reads 76 bytes per block for 18 flops, was no faster with the Vector API.
 */
final class TripletBlockKernels {
    private TripletBlockKernels() {}

    /** The system property and its values. */
    static final String PROPERTY = "softglass.simd.hessianTriplets", VECTOR = "vector", SCALAR = "scalar";

    private static final String CHOICE = System.getProperty(PROPERTY, "").toLowerCase(Locale.ROOT);
    private static final TripletBlockKernel ROWS = Simd.enabled() && CHOICE.equals(VECTOR) ? panama() : scalar();
    private static final TripletBlockKernel BLOCKED = Simd.enabled() && !CHOICE.equals(SCALAR) ? panama() : scalar();

    /** The kernel for y += B x ({@link Hessian#multiply}, {@link Hessian#multiplySerial}), as above. */
    static TripletBlockKernel rows() { return ROWS; }

    /** The kernel for Y += B X with several vectors ({@link Hessian#multiplyMany}), as above. */
    static TripletBlockKernel blocked() { return BLOCKED; }

    /** The scalar kernel. */
    static TripletBlockKernel scalar() { return ScalarTripletBlockKernel.INSTANCE; }

    /** The Vector-API kernel; throws UnsupportedOperationException without {@code jdk.incubator.vector}. */
    static TripletBlockKernel panama() { return Simd.panama(MethodHandles.lookup(), "PanamaTripletBlockKernel", TripletBlockKernel.class); }
}
