package org.softglass.core.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scalar path works without {@code --add-modules jdk.incubator.vector}: a child JVM on this
 * module's test classpath, without the module, runs {@link ScalarPathProbe} (every kernel family
 * through its provider) and must exit 0, report that the module is absent, never load a class whose
 * name mentions Panama or the Vector API, and produce the checksum that the scalar kernels give here.
 */
class ScalarPathWithoutVectorModuleTest {

    @Test
    void childJvmWithoutTheModuleRunsTheScalarKernels() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xlog:class+load=info:stdout",
                "-cp", System.getProperty("java.class.path"), ScalarPathProbe.class.getName());
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (var in = proc.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, proc.exitValue(), () -> "child JVM failed:\n" + tail(out));

        List<String> lines = out.lines().toList();
        String describe = value(lines, "describe=", out);
        assertTrue(describe.contains("jdk.incubator.vector not present"), describe);
        assertEquals("false", value(lines, "enabled=", out));
        for (String l : lines) {
            if (l.contains("[class,load]")) {
                assertFalse(l.contains("Panama") || l.contains("jdk.incubator.vector"), () -> "loaded on the scalar path: " + l);
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("[class,load]") && l.contains(ScalarPathProbe.class.getName())),
                "class loading was not logged, so the check above proved nothing");
        assertEquals(Long.toHexString(ScalarPathProbe.checksum(true)), value(lines, "checksum=", out));
    }

    /** In this JVM too, with the scalar kernels named explicitly, the probe is deterministic. */
    @Test
    void probeIsDeterministic() {
        assertEquals(ScalarPathProbe.checksum(true), ScalarPathProbe.checksum(true));
    }

    private static String value(List<String> lines, String key, String out) {
        return lines.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(key.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " line in:\n" + tail(out)));
    }

    private static String tail(String s) { return s.length() <= 4000 ? s : s.substring(s.length() - 4000); }
}
