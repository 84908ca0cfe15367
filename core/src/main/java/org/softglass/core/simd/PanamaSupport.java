package org.softglass.core.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector-API side of {@link Simd}: the preferred species, which every Panama kernel uses. This
 * class imports {@code jdk.incubator.vector}, so it must only be loaded when that module is in the
 * boot layer: {@link Simd} reaches it reflectively after its module check, and the Panama kernels
 * that name it are themselves only loaded on the SIMD path (or by tests that compare both paths).
 */
public final class PanamaSupport {
    private PanamaSupport() {}

    /** The preferred double species of this CPU. */
    public static final VectorSpecies<Double> DOUBLE = DoubleVector.SPECIES_PREFERRED;
    /** The preferred float species of this CPU. */
    public static final VectorSpecies<Float> FLOAT = FloatVector.SPECIES_PREFERRED;

    /** Double lanes per preferred vector (called by {@link Simd} through a method handle). */
    static int doubleLanes() { return DOUBLE.length(); }

    /** The species in words, such as {@code "512-bit: 8 doubles, 16 floats"} (called by {@link Simd}). */
    static String species() {
        return DOUBLE.vectorBitSize() + "-bit: " + DOUBLE.length() + " doubles, " + FLOAT.length() + " floats";
    }
}
