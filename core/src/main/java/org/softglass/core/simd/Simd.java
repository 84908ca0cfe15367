package org.softglass.core.simd;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Decides once, per JVM, whether the Vector-API (SIMD) kernels are used, the way Lucene's
 * {@code org.apache.lucene.internal.vectorization.VectorizationProvider} does: every kernel family
 * has a scalar implementation that is always available and a Panama implementation that is only
 * loaded when the SIMD path is active, so the scalar path works without
 * {@code --add-modules jdk.incubator.vector}.
 *
 * <p>The SIMD path is active when all three hold:
 * <ol>
 *   <li>the module {@code jdk.incubator.vector} is in the boot layer
 *       ({@code ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()});</li>
 *   <li>the system property {@code softglass.simd} is not {@code false}
 *       ({@code -Dsoftglass.simd=false} forces the scalar kernels everywhere; tests use both paths);</li>
 *   <li>the preferred double species holds at least 4 lanes (a 256-bit or wider vector unit).</li>
 * </ol>
 *
 * <p>This class never names a {@code jdk.incubator.vector} type. The lane count is read from
 * {@link PanamaSupport} through {@link MethodHandles.Lookup#findClass} and a method handle, and only
 * after the module check (as Lucene does), so neither the verifier nor the class initialiser loads a
 * Vector-API class on the scalar path. The kernel providers ({@code DistanceKernels},
 * {@code PairKernels}, {@code DescriptorKernels}, {@code KickKernels}, {@code HessianKernels},
 * {@code TripletBlockKernels}) likewise reach their Panama implementation through {@link #panama}, never by a
 * direct reference.
 */
public final class Simd {
    private Simd() {}

    /** The incubator module that holds the Vector API. */
    static final String MODULE = "jdk.incubator.vector";
    /** The fewest double lanes for which the Panama kernels pay off. */
    static final int MIN_LANES = 4;

    private static final boolean ENABLED;
    private static final int LANES;
    private static final String DESCRIPTION;

    static {
        boolean present = ModuleLayer.boot().findModule(MODULE).isPresent();
        String property = System.getProperty("softglass.simd", "true");
        int lanes = 0;
        String species = null, failure = null;
        if (present) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                Class<?> support = lookup.findClass(Simd.class.getPackageName() + ".PanamaSupport");
                lanes = (int) lookup.findStatic(support, "doubleLanes", MethodType.methodType(int.class)).invoke();
                species = (String) lookup.findStatic(support, "species", MethodType.methodType(String.class)).invoke();
            } catch (Throwable e) {
                failure = e.toString();
                present = false;
            }
        }
        ENABLED = decide(present, property, lanes);
        LANES = ENABLED ? lanes : 0;
        DESCRIPTION = describe(present, property, lanes, species, failure);
    }

    /** The rule above, as a pure function (lanes is ignored when the module is absent). */
    static boolean decide(boolean modulePresent, String property, int lanes) {
        return modulePresent && !"false".equalsIgnoreCase(property) && lanes >= MIN_LANES;
    }

    /** The line {@link #describe()} returns, for the given facts. */
    static String describe(boolean modulePresent, String property, int lanes, String species, String failure) {
        if (failure != null) return "scalar kernels: the Vector API failed to load (" + failure + ")";
        if (!modulePresent) return "scalar kernels: " + MODULE + " not present";
        if (decide(true, property, lanes)) return species + " (SIMD active)";
        return species + " (scalar kernels" + (lanes < MIN_LANES ? ": vector unit too narrow)" : ": disabled by -Dsoftglass.simd=false)");
    }

    /** Whether the Vector-API kernels are in use. */
    public static boolean enabled() { return ENABLED; }

    /** Double lanes per vector of the Panama kernels when {@link #enabled()}, else 0. */
    public static int doubleLanes() { return LANES; }

    /**
     * One line for logs: {@code "512-bit: 8 doubles, 16 floats (SIMD active)"}, the same species with
     * the reason the scalar kernels run instead, or {@code "scalar kernels: jdk.incubator.vector not
     * present"}.
     */
    public static String describe() { return DESCRIPTION; }

    /**
     * The shared instance of a Panama kernel, loaded reflectively: its class (in the caller's package,
     * found through the caller's {@code lookup}, so it may be package-private) must have a static
     * field {@code INSTANCE} of its own type. Providers call this only when {@link #enabled()}, and
     * their {@code panama()} accessors (tests, benchmarks) whenever the module is present.
     *
     * @throws UnsupportedOperationException if {@code jdk.incubator.vector} is not in the boot layer
     */
    public static <T> T panama(MethodHandles.Lookup lookup, String simpleName, Class<T> type) {
        if (!ModuleLayer.boot().findModule(MODULE).isPresent()) {
            throw new UnsupportedOperationException("the Panama kernel " + simpleName + " needs the module " + MODULE + " (not in the boot layer)");
        }
        try {
            Class<?> c = lookup.findClass(lookup.lookupClass().getPackageName() + "." + simpleName);
            MethodHandle instance = lookup.findStaticGetter(c, "INSTANCE", c);
            return type.cast(instance.invoke());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load the Panama kernel " + simpleName, e);
        }
    }
}
