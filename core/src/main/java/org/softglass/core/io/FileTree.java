package org.softglass.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole directory trees on disk. */
public final class FileTree {
    private FileTree() {}

    /**
     * Deletes {@code dir} and everything under it, deepest first; nothing when it does not exist (an entry that
     * disappears meanwhile is skipped). Links are deleted, not followed.
     *
     * @throws IOException if an entry cannot be listed or deleted (what was deleted before stays deleted)
     */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
