package org.softglass.nativebridge;

/**
 * What the native linear-algebra backend looks like at run time, for a CLI {@code info} command.
 *
 * <p>Obtained from {@link OpenBlas#info()}, which never throws: when loading failed,
 * {@code loaded} is {@code false}, {@code version} is empty, {@code threads} is 0 and {@code error}
 * holds the one-line reason.
 *
 * @param loaded  whether the OpenBLAS natives were loaded and all symbols were found
 * @param version the OpenBLAS build string from {@code openblas_get_config()}, e.g.
 *                {@code "OpenBLAS 0.3.31 DYNAMIC_ARCH NO_AFFINITY Cooperlake MAX_THREADS=64"}
 * @param threads the number of threads OpenBLAS uses ({@code openblas_get_num_threads()}); 1 after loading
 * @param error   the one-line reason loading failed, or {@code null} when {@code loaded}
 */
public record NativeInfo(boolean loaded, String version, int threads, String error) {

    /**
     * Returns a one-line human-readable summary, e.g. for {@code softglass info}.
     *
     * @return the version and thread count, or the reason loading failed
     */
    public String summary() {
        return loaded
                ? version + " (threads: " + threads + ")"
                : "OpenBLAS not available: " + error;
    }
}
