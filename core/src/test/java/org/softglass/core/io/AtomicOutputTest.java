package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs appear whole or not at all, and no temporary files are left behind. */
class AtomicOutputTest {
    @TempDir Path dir;

    @AfterEach
    void noTemporaryFilesLeft() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> tmp = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertTrue(tmp.isEmpty(), "left behind: " + tmp);
        }
    }

    @Test
    void commitRenamesAndReplaces() throws IOException {
        Path t = dir.resolve("out.txt");
        Files.writeString(t, "old");
        try (AtomicOutput o = AtomicOutput.open(t)) {
            o.stream().write("new".getBytes(StandardCharsets.US_ASCII));
            assertEquals("old", Files.readString(t), "target untouched until commit");
            assertTrue(Files.exists(o.tempFile()));
        }
        assertEquals("new", Files.readString(t));
    }

    @Test
    void exceptionInBodyLeavesNoFileAndKeepsOldOne() throws IOException {
        Path t = dir.resolve("a.txt");
        assertThrows(IllegalStateException.class, () -> AtomicOutput.write(t, out -> {
            out.write(new byte[1000]);
            throw new IllegalStateException("boom");
        }));
        assertFalse(Files.exists(t));
        Files.writeString(t, "keep");
        assertThrows(IOException.class, () -> AtomicOutput.write(t, out -> {
            out.write(1);
            throw new IOException("disk");
        }));
        assertEquals("keep", Files.readString(t));
        AtomicOutput.write(t, out -> out.write('z'));
        assertEquals("z", Files.readString(t));
    }

    @Test
    void abortedDumpWriterLeavesNoFile() throws IOException {
        Path t = dir.resolve("traj.dump.gz");
        try (Frame a = TestFrames.random(1, 20, 0)) {
            try (LammpsDumpWriter w = LammpsDumpWriter.open(t, LammpsDumpWriter.WRAPPED)) {
                w.write(a);
                w.abort();
            }
            assertFalse(Files.exists(t));
            // user code fails between frames: the body form commits only on normal return
            assertThrows(UncheckedIOException.class, () -> LammpsDumpWriter.write(t, LammpsDumpWriter.WRAPPED, w -> {
                w.write(a);
                throw new UncheckedIOException(new IOException("simulation blew up"));
            }));
            assertFalse(Files.exists(t));
            assertThrows(ArithmeticException.class, () -> ExtendedXyzWriter.write(t, w -> {
                w.write(a);
                throw new ArithmeticException();
            }));
            assertFalse(Files.exists(t));
            // or abort inside the try block (close runs before catch in try-with-resources)
            assertThrows(IllegalStateException.class, () -> {
                try (LammpsDumpWriter w = LammpsDumpWriter.open(t, LammpsDumpWriter.WRAPPED)) {
                    try {
                        w.write(a);
                        throw new IllegalStateException("diverged");
                    } catch (RuntimeException e) {
                        w.abort();
                        throw e;
                    }
                }
            });
            assertFalse(Files.exists(t));
            LammpsDumpWriter.write(t, LammpsDumpWriter.WRAPPED, w -> w.write(a));
            assertTrue(Files.exists(t));
        }
    }

    @Test
    void failingWriteAbortsTheWholeFile() throws IOException {
        Path dump = dir.resolve("x.dump"), xyz = dir.resolve("x.xyz");
        try (Frame a = TestFrames.random(2, 20, 0)) {
            assertThrows(IllegalArgumentException.class, () -> {
                try (LammpsDumpWriter w = LammpsDumpWriter.open(dump, List.of("id", "type", "x", "y", "z", "v_missing"))) {
                    w.write(a); // v_missing is neither known nor an extra: fails, the file is aborted
                }
            });
            assertThrows(IllegalArgumentException.class, () -> {
                try (ExtendedXyzWriter w = ExtendedXyzWriter.open(xyz).extras("c_peatom", "nope")) {
                    w.write(a);
                }
            });
        }
        assertFalse(Files.exists(dump));
        assertFalse(Files.exists(xyz));
    }

    @Test
    void npyWriterInterruptedByAnExceptionLeavesNoFile() throws IOException {
        Path t = dir.resolve("feat.npy");
        assertThrows(ArithmeticException.class, () -> {
            try (NpyWriter w = NpyWriter.open(t, NpyDType.FLOAT32, 100, 4)) {
                for (int i = 0; i < 100; i++) {
                    if (i == 50) throw new ArithmeticException("descriptor failed");
                    w.writeRow(new double[] {i, i, i, i});
                }
            }
        });
        assertFalse(Files.exists(t));
    }
}
