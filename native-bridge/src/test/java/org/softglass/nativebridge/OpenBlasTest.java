package org.softglass.nativebridge;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The loader. This module's Surefire run sets {@code OPENBLAS_NUM_THREADS=2} on purpose, so the
 * thread-count assertions check that loading itself sets every OpenBLAS copy to one thread.
 */
class OpenBlasTest {

    @Test
    void loadsAndReportsVersion() {
        OpenBlas.ensureLoaded();
        assertTrue(OpenBlas.isLoaded());
        NativeInfo info = OpenBlas.info();
        assertTrue(info.loaded());
        assertNull(info.error());
        assertFalse(info.version().isBlank());
        assertTrue(info.version().startsWith("OpenBLAS "), info.version());
        assertEquals(OpenBlas.config(), info.version());
        assertTrue(info.summary().contains("threads: 1"), info.summary());
    }

    @Test
    void everyMappedCopyRunsOneThread() {
        assertEquals(1, OpenBlas.threads());
        assertEquals(1, OpenBlas.info().threads());
        Map<String, Integer> copies = OpenBlas.threadsPerCopy();
        assertTrue(copies.size() >= 2, "expected the JavaCPP copy plus the mapped libraries: " + copies);
        copies.forEach((lib, threads) -> assertEquals(1, threads, lib));
    }

    @Test
    void missingSymbolGivesHandleThatThrowsClearly() throws Throwable {
        MethodHandle h = OpenBlas.downcall("no_such_symbol_softglass", FunctionDescriptor.of(JAVA_DOUBLE, JAVA_INT));
        NativeLibraryException e = assertThrows(NativeLibraryException.class, () -> {
            double unused = (double) h.invokeExact(3);
        });
        assertTrue(e.getMessage().contains("no_such_symbol_softglass"), e.getMessage());
    }

    @Test
    void failureMessagesNameWhatIsMissingOnOneLine() {
        Throwable cause = new UnsatisfiedLinkError("no jniopenblas in java.library.path:\n/usr/lib");
        Set<String> all = Set.of("org/bytedeco/javacpp/Loader.class", "org/bytedeco/openblas/global/openblas.class",
                "org/bytedeco/javacpp/linux-x86_64/", "org/bytedeco/openblas/linux-x86_64/");
        String noNatives = OpenBlas.describeFailure(cause, "linux-x86_64",
                r -> all.contains(r) && !r.equals("org/bytedeco/openblas/linux-x86_64/"));
        assertTrue(noNatives.contains("org.bytedeco:openblas with classifier linux-x86_64"), noNatives);
        String noJavacpp = OpenBlas.describeFailure(cause, "linux-x86_64", r -> false);
        assertTrue(noJavacpp.contains("org.bytedeco:javacpp is missing"), noJavacpp);
        String otherPlatform = OpenBlas.describeFailure(cause, "linux-riscv64", all::contains);
        assertTrue(otherPlatform.startsWith("OpenBLAS natives unavailable: this machine is linux-riscv64, softglass bundles OpenBLAS for "
                + "linux-x86_64, linux-arm64, macosx-x86_64, macosx-arm64 only"), otherPlatform);
        // a jar built on linux-x86_64 run on an arm64 Mac: names both platforms and the remedy
        String wrongBuild = OpenBlas.describeFailure(cause, "macosx-arm64", all::contains);
        assertTrue(wrongBuild.contains("org.bytedeco:javacpp with classifier macosx-arm64 is missing"), wrongBuild);
        assertTrue(wrongBuild.contains("-Djavacpp.platform=macosx-arm64, for a jar built on linux-x86_64"), wrongBuild);
        String generic = OpenBlas.describeFailure(cause, "linux-x86_64", all::contains);
        assertTrue(generic.contains("UnsatisfiedLinkError"), generic);
        for (String s : new String[] {noNatives, noJavacpp, otherPlatform, wrongBuild, generic})
            assertFalse(s.contains("\n") || s.contains("\r"), "one line: " + s);
    }

    /**
     * The error path as a user meets it: a fresh JVM told it runs on another platform (JavaCPP's
     * {@code org.bytedeco.javacpp.platform}) finds no natives for it in this build and says so in one line,
     * from the class's static initialiser (an ordering bug there once turned it into an ExceptionInInitializerError).
     */
    @Test
    void aJvmOnAnotherPlatformGetsOneLineNamingBothPlatforms() throws Exception {
        for (String[] c : new String[][] {
                {"linux-arm64", "FAILED OpenBLAS natives unavailable: native jar org.bytedeco:javacpp with classifier linux-arm64 is missing"},
                {"linux-riscv64", "FAILED OpenBLAS natives unavailable: this machine is linux-riscv64, softglass bundles OpenBLAS for"}}) {
            String jvm = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(jvm, "--enable-native-access=ALL-UNNAMED", "-Dorg.bytedeco.javacpp.platform=" + c[0],
                    "-cp", System.getProperty("java.class.path"), LoadFailureMain.class.getName()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).lines().filter(l -> !l.startsWith("WARNING"))
                    .reduce("", (a, b) -> a + b + "\n");
            assertEquals(0, p.waitFor(), out);
            assertTrue(out.startsWith(c[1]), c[0] + ": " + out);
            assertEquals(1, out.lines().count(), "one line: " + out);
        }
    }

    @Test
    void platformNameMatchesJavaCpp() {
        assertEquals(org.bytedeco.javacpp.Loader.getPlatform(), OpenBlas.platform());
    }
}
