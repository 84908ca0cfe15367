package org.softglass.nativebridge;

/** Child-JVM entry of {@code OpenBlasTest}: prints whether OpenBLAS loaded, or the one-line failure. */
public final class LoadFailureMain {
    private LoadFailureMain() {}

    public static void main(String[] args) {
        try {
            OpenBlas.ensureLoaded();
            System.out.println("LOADED");
        } catch (NativeLibraryException e) {
            System.out.println("FAILED " + e.getMessage());
        }
    }
}
