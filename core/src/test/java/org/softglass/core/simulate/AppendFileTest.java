package org.softglass.core.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AppendFile} never writes through a {@code .part} that is not a regular file of its own. */
class AppendFileTest {

    /** A {@code .part} replaced by a symbolic link is refused on resume; the file behind it is untouched. */
    @Test
    void refusesToResumeThroughASymlink(@TempDir Path tmp) throws IOException {
        Path victim = tmp.resolve("elsewhere.txt");
        Files.writeString(victim, "precious data, not ours");
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(dir.resolve("traj.dump.part"), victim);
        IOException e = assertThrows(IOException.class, () -> new AppendFile(dir.resolve("traj.dump"), 4).close());
        assertTrue(e.getMessage().contains("traj.dump.part") && e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("precious data, not ours", Files.readString(victim));
    }

    /** A fresh run does not truncate the file a stale {@code .part} link points to either. */
    @Test
    void refusesToStartThroughASymlink(@TempDir Path tmp) throws IOException {
        Path victim = tmp.resolve("elsewhere.txt");
        Files.writeString(victim, "precious");
        Files.createSymbolicLink(tmp.resolve("thermo.csv.part"), victim);
        assertThrows(IOException.class, () -> new AppendFile(tmp.resolve("thermo.csv"), 0).close());
        assertEquals("precious", Files.readString(victim));
    }

    /** A directory in place of the {@code .part} is refused with a message naming it. */
    @Test
    void refusesADirectory(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("thermo.csv.part"));
        IOException e = assertThrows(IOException.class, () -> new AppendFile(tmp.resolve("thermo.csv"), 0).close());
        assertTrue(e.getMessage().contains("thermo.csv.part"), e.getMessage());
    }

    /** The ordinary path still works: write, resume at a recorded length, complete. */
    @Test
    void resumesAndCompletes(@TempDir Path tmp) throws IOException {
        Path t = tmp.resolve("a.csv");
        try (AppendFile f = new AppendFile(t, 0)) {
            f.stream().write("abcdef".getBytes());
            assertEquals(6, f.length());
        }
        try (AppendFile f = new AppendFile(t, 3)) {
            f.stream().write("XY".getBytes());
            f.complete();
        }
        assertEquals("abcXY", Files.readString(t));
    }
}
