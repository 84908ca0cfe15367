package org.softglass.core.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Decides whether the Vector-API (SIMD) kernels are used, in the manner of Lucene's
 * {@code VectorizationProvider}: every kernel family has a scalar implementation that is always
 * available and a Panama implementation chosen when the SIMD path is active.
 *
 * <p>The SIMD path is active when the preferred double species holds at least 4 lanes (a 256-bit
 * or wider unit) and the system property {@code softglass.simd} is not {@code false}. Setting
 * {@code -Dsoftglass.simd=false} forces the scalar kernels everywhere (tests use both paths).
 */
public final class Simd {
    private Simd() {}

    /** The preferred double species of this CPU. */
    public static final VectorSpecies<Double> DOUBLE = DoubleVector.SPECIES_PREFERRED;
    /** The preferred float species of this CPU. */
    public static final VectorSpecies<Float> FLOAT = FloatVector.SPECIES_PREFERRED;

    private static final boolean ENABLED =
            !"false".equalsIgnoreCase(System.getProperty("softglass.simd", "true")) && DOUBLE.length() >= 4;

    /** Whether the Vector-API kernels are in use. */
    public static boolean enabled() { return ENABLED; }

    /** A one-line description such as {@code "512-bit: 8 doubles, 16 floats (SIMD active)"}. */
    public static String describe() {
        return DOUBLE.vectorBitSize() + "-bit: " + DOUBLE.length() + " doubles, " + FLOAT.length() + " floats"
                + (ENABLED ? " (SIMD active)" : " (scalar kernels" + (DOUBLE.length() < 4 ? ": vector unit too narrow)" : ": disabled by -Dsoftglass.simd=false)"));
    }
}
