package org.softglass.nativebridge;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Loads the bytedeco OpenBLAS natives once, makes OpenBLAS single-threaded and hands out FFM
 * downcall handles for its symbols.
 *
 * <p><b>Loading.</b> The first use of this class calls {@code Loader.load(openblas.class)}, which
 * extracts the natives (≈ 99 MB) into {@code ~/.javacpp/cache/} on first use and maps them. Any failure
 * (a missing jar, an unsupported platform, a missing symbol) is kept and turned into a
 * {@link NativeLibraryException} with a one-line message; {@link #info()} reports it without throwing.
 *
 * <p><b>Which copy of OpenBLAS.</b> {@code Loader.load} maps two identical copies of OpenBLAS
 * ({@code libopenblas_nolapack.so.0} and {@code libopenblas.so.0}), each with its own thread pool.
 * Symbols are looked up with {@code Loader.addressof}, i.e. the way JavaCPP itself binds them, so the
 * routines called through {@link Blas} and {@link Lapack} are those of the copy JavaCPP uses. The
 * thread count is set to 1 with {@code openblas_set_num_threads(1)} in that copy <em>and</em> in every
 * other mapped {@code libopenblas*.so*} (found in {@code /proc/self/maps}), so no copy can
 * oversubscribe the cores: parallelism belongs to our own code (DESIGN §8).
 *
 * <p><b>ABI.</b> The bytedeco build uses 32-bit BLAS/LAPACK integers; a 64-bit-integer build
 * ({@code USE64BITINT} in the config string) is refused at load time.
 */
public final class OpenBlas {

    /** Symbols that must resolve for {@link #isLoaded()} to be true. */
    static final List<String> REQUIRED_SYMBOLS = List.of(
            "openblas_get_config", "openblas_get_num_threads", "openblas_set_num_threads",
            "cblas_ddot", "cblas_daxpy", "cblas_dgemv", "cblas_dsymv", "cblas_dgemm", "cblas_dtrsm",
            "LAPACKE_dpotrf", "LAPACKE_dpotrs", "LAPACKE_dsyevr");

    /** The platforms whose OpenBLAS natives the build can bundle (Maven property {@code javacpp.platform}, pom.xml).
     * Declared before {@code STATE}: loading reads it when it fails. */
    static final List<String> SUPPORTED_PLATFORMS = List.of("linux-x86_64", "linux-arm64", "macosx-x86_64", "macosx-arm64");

    private static final Linker LINKER = Linker.nativeLinker();
    private static final FunctionDescriptor GET_THREADS = FunctionDescriptor.of(ValueLayout.JAVA_INT);
    private static final FunctionDescriptor SET_THREADS = FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT);

    // A handle of the given type that throws a fresh copy of the failure when invoked.
    private static final MethodHandle COPY_OF;

    static {
        try {
            COPY_OF = MethodHandles.lookup().findStatic(OpenBlas.class, "copyOf",
                    MethodType.methodType(NativeLibraryException.class, NativeLibraryException.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final State STATE = load();

    private OpenBlas() {
    }

    /** Outcome of loading: either the config and the thread getters, or the failure. */
    private record State(String config, MethodHandle getThreads, Map<String, MethodHandle> copyGetters,
                         NativeLibraryException failure) {
        boolean ok() {
            return failure == null;
        }
    }

    // ------------------------------------------------------------------ public API

    /**
     * Makes sure the natives are loaded.
     *
     * @throws NativeLibraryException if loading failed; the message names what is missing
     */
    public static void ensureLoaded() {
        if (!STATE.ok()) throw copyOf(STATE.failure());
    }

    /**
     * Returns whether the natives were loaded and every required symbol was found. Never throws.
     *
     * @return {@code true} if {@link Blas} and {@link Lapack} can be used
     */
    public static boolean isLoaded() {
        return STATE.ok();
    }

    /**
     * Returns the OpenBLAS build string, {@code openblas_get_config()}, e.g.
     * {@code "OpenBLAS 0.3.31 DYNAMIC_ARCH NO_AFFINITY Cooperlake MAX_THREADS=64"}.
     *
     * @return the build string (version, target core, options)
     * @throws NativeLibraryException if loading failed
     */
    public static String config() {
        ensureLoaded();
        return STATE.config();
    }

    /**
     * Returns the number of threads the OpenBLAS copy we call uses now
     * ({@code openblas_get_num_threads()}); 1 after loading.
     *
     * @return the live thread count of the copy {@link Blas} and {@link Lapack} call
     * @throws NativeLibraryException if loading failed
     */
    public static int threads() {
        ensureLoaded();
        return getThreads(STATE.getThreads());
    }

    /**
     * Returns what a CLI {@code info} command prints: loaded or not, the version string, the thread
     * count and the one-line error. Never throws.
     *
     * @return the state of the native backend
     */
    public static NativeInfo info() {
        if (!STATE.ok()) return new NativeInfo(false, "", 0, STATE.failure().getMessage());
        return new NativeInfo(true, STATE.config(), getThreads(STATE.getThreads()), null);
    }

    // ------------------------------------------------------------------ package-private helpers

    /**
     * Returns a downcall handle for {@code symbol} in the OpenBLAS copy JavaCPP uses. When loading
     * failed, returns a handle of the same type that throws a {@link NativeLibraryException}, so that
     * classes holding handles in static finals initialise cleanly and fail with a clear message.
     */
    static MethodHandle downcall(String symbol, FunctionDescriptor descriptor) {
        if (STATE.ok()) {
            Optional<MemorySegment> address = javacppLookup().find(symbol);
            if (address.isPresent()) return LINKER.downcallHandle(address.get(), descriptor);
            return failing(descriptor.toMethodType(), new NativeLibraryException(
                    "symbol " + symbol + " not found in the loaded OpenBLAS (" + STATE.config() + ")", null));
        }
        return failing(descriptor.toMethodType(), STATE.failure());
    }

    /** Thread count of every mapped OpenBLAS copy, keyed by library path (for tests and diagnostics). */
    static Map<String, Integer> threadsPerCopy() {
        ensureLoaded();
        Map<String, Integer> out = new LinkedHashMap<>();
        STATE.copyGetters().forEach((path, getter) -> out.put(path, getThreads(getter)));
        return out;
    }

    /**
     * Builds the one-line message for a failure to load, naming what is missing.
     *
     * @param cause       what was thrown while loading
     * @param platform    the JavaCPP platform name, e.g. {@code linux-x86_64}
     * @param hasResource tells whether a class-path resource (e.g. {@code org/bytedeco/javacpp/Loader.class}) exists
     */
    static String describeFailure(Throwable cause, String platform, Predicate<String> hasResource) {
        String why = oneLine(cause);
        if (!hasResource.test("org/bytedeco/javacpp/Loader.class"))
            return "OpenBLAS natives unavailable: jar org.bytedeco:javacpp is missing from the class path (" + why + ")";
        if (!hasResource.test("org/bytedeco/openblas/global/openblas.class"))
            return "OpenBLAS natives unavailable: jar org.bytedeco:openblas is missing from the class path (" + why + ")";
        if (!SUPPORTED_PLATFORMS.contains(platform))
            return "OpenBLAS natives unavailable: this machine is " + platform + ", softglass bundles OpenBLAS for "
                    + String.join(", ", SUPPORTED_PLATFORMS) + " only (" + why + ")";
        String remedy = "; rebuild on this machine (bin/softglass does when the jar is missing) or build with -Djavacpp.platform="
                + platform + ", for a jar built on " + builtFor(hasResource) + ": " + why + ")";
        if (!hasResource.test("org/bytedeco/javacpp/" + platform + "/"))
            return "OpenBLAS natives unavailable: native jar org.bytedeco:javacpp with classifier " + platform
                    + " is missing from the class path (this machine is " + platform + remedy;
        if (!hasResource.test("org/bytedeco/openblas/" + platform + "/"))
            return "OpenBLAS natives unavailable: native jar org.bytedeco:openblas with classifier " + platform
                    + " is missing from the class path (this machine is " + platform + remedy;
        return "OpenBLAS natives failed to load on platform " + platform + ": " + why;
    }

    /** The platforms whose natives are on the class path, e.g. {@code "linux-arm64"}, or {@code "no platform"}. */
    private static String builtFor(Predicate<String> hasResource) {
        List<String> present = SUPPORTED_PLATFORMS.stream().filter(p -> hasResource.test("org/bytedeco/openblas/" + p + "/")).toList();
        return present.isEmpty() ? "no platform" : String.join(", ", present);
    }

    /** The JavaCPP platform name of this JVM, e.g. {@code linux-x86_64}, computed without JavaCPP. */
    static String platform() {
        String p = System.getProperty("org.bytedeco.javacpp.platform");
        if (p != null && !p.isBlank()) return p;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        os = os.startsWith("mac") || os.startsWith("darwin") ? "macosx"
                : os.startsWith("windows") ? "windows" : os.startsWith("linux") ? "linux" : os.replace(' ', '_');
        arch = switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "i386", "i486", "i586", "i686", "x86" -> "x86";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            default -> arch;
        };
        return os + "-" + arch;
    }

    // ------------------------------------------------------------------ loading

    private static State load() {
        String platform = platform();
        try {
            org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas.class);
        } catch (LinkageError | RuntimeException e) {
            ClassLoader cl = OpenBlas.class.getClassLoader();
            String msg = describeFailure(e, platform, r -> cl.getResource(r) != null);
            return failed(new NativeLibraryException(msg, e));
        }
        try {
            SymbolLookup lookup = javacppLookup();
            for (String s : REQUIRED_SYMBOLS) {
                if (lookup.find(s).isEmpty())
                    return failed(new NativeLibraryException("OpenBLAS natives loaded on platform " + platform
                            + " but symbol " + s + " is missing (is a BLAS other than OpenBLAS selected by "
                            + "-Dorg.bytedeco.openblas.load?)", null));
            }
            MethodHandle getConfig = LINKER.downcallHandle(lookup.find("openblas_get_config").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS));
            String config = ((MemorySegment) getConfig.invokeExact()).reinterpret(4096).getString(0).strip();
            if (config.contains("USE64BITINT"))
                return failed(new NativeLibraryException("OpenBLAS build uses 64-bit integers (" + config
                        + "); native-bridge binds 32-bit BLAS/LAPACK integers", null));
            MemorySegment primarySet = lookup.find("openblas_set_num_threads").orElseThrow();
            MethodHandle primaryGet = LINKER.downcallHandle(lookup.find("openblas_get_num_threads").orElseThrow(),
                    GET_THREADS);
            setThreads(primarySet, 1);
            Map<String, MethodHandle> getters = new LinkedHashMap<>();
            getters.put("(JavaCPP lookup)", primaryGet);
            for (Path lib : mappedOpenBlasCopies()) {
                SymbolLookup copy = SymbolLookup.libraryLookup(lib, Arena.global());
                Optional<MemorySegment> set = copy.find("openblas_set_num_threads");
                Optional<MemorySegment> get = copy.find("openblas_get_num_threads");
                if (set.isEmpty() || get.isEmpty()) continue;
                if (set.get().address() != primarySet.address()) setThreads(set.get(), 1);
                getters.put(lib.toString(), LINKER.downcallHandle(get.get(), GET_THREADS));
            }
            return new State(config, primaryGet, Map.copyOf(getters), null);
        } catch (Throwable e) {
            if (e instanceof Error err && !(e instanceof LinkageError)) throw err;
            return failed(new NativeLibraryException("OpenBLAS natives loaded on platform " + platform
                    + " but could not be bound: " + oneLine(e), e));
        }
    }

    private static State failed(NativeLibraryException e) {
        return new State("", null, Map.of(), e);
    }

    /** Looks symbols up the way JavaCPP does ({@code Loader.addressof}), so we call JavaCPP's copy. */
    private static SymbolLookup javacppLookup() {
        return name -> {
            org.bytedeco.javacpp.Pointer p = org.bytedeco.javacpp.Loader.addressof(name);
            return p == null || p.address() == 0 ? Optional.empty() : Optional.of(MemorySegment.ofAddress(p.address()));
        };
    }

    /** Paths of all mapped {@code libopenblas*.so*} files (Linux); empty where /proc is unavailable. */
    private static Set<Path> mappedOpenBlasCopies() {
        Set<Path> out = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) continue;
                Path p = Path.of(line.substring(slash).strip());
                String name = p.getFileName().toString();
                if (name.startsWith("libopenblas") && name.contains(".so")) out.add(p);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or /proc not readable: only the JavaCPP copy is configured
        }
        return out;
    }

    private static void setThreads(MemorySegment setter, int n) throws Throwable {
        MethodHandle h = LINKER.downcallHandle(setter, SET_THREADS);
        h.invokeExact(n);
    }

    private static int getThreads(MethodHandle getter) {
        try {
            return (int) getter.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("openblas_get_num_threads failed", e);
        }
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        String s = t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static NativeLibraryException copyOf(NativeLibraryException e) {
        return new NativeLibraryException(e.getMessage(), e.getCause());
    }

    private static MethodHandle failing(MethodType type, NativeLibraryException failure) {
        MethodHandle thrower = MethodHandles.throwException(type.returnType(), NativeLibraryException.class);
        MethodHandle fresh = MethodHandles.insertArguments(COPY_OF, 0, failure);
        MethodHandle throwing = MethodHandles.foldArguments(thrower, fresh);
        return MethodHandles.dropArguments(throwing, 0, type.parameterList());
    }
}
