package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM or Ctrl-C while an output is being written leaves no {@code .NAME.HEX.tmp} behind. */
class AtomicOutputShutdownTest {

    private static List<Path> temps(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** A child JVM killed with SIGTERM ({@link Process#destroy()}) in the middle of a write. */
    @Test
    void sigtermWhileWritingLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AtomicOutputChild.class.getName(),
                dir.resolve("out.bin").toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", r.readLine());
            assertEquals(1, temps(dir).size(), "the child is writing its temporary file");
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child ended");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), temps(dir));
        assertFalse(Files.exists(dir.resolve("out.bin")), "an interrupted output never appears");
    }

    /** The hook's work: open outputs' temporary files go, committed and aborted ones are no longer tracked. */
    @Test
    void cleanupDeletesOnlyWhatIsStillOpen(@TempDir Path dir) throws IOException {
        AtomicOutput open = AtomicOutput.open(dir.resolve("a"));
        AtomicOutput committed = AtomicOutput.open(dir.resolve("b"));
        committed.stream().write(1);
        committed.commit();
        AtomicOutput aborted = AtomicOutput.open(dir.resolve("c"));
        aborted.abort();
        assertTrue(TempFiles.tracked().contains(open.tempFile()));
        assertFalse(TempFiles.tracked().contains(committed.tempFile()));
        assertFalse(TempFiles.tracked().contains(aborted.tempFile()));
        TempFiles.deleteAll();
        assertFalse(Files.exists(open.tempFile()));
        assertTrue(Files.exists(dir.resolve("b")), "a committed file is never touched");
        open.abort();
        assertEquals(List.of(), temps(dir));
    }
}
