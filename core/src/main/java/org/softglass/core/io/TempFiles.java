package org.softglass.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files this process is writing (and the {@link OutputLock} files it holds), deleted by
 * a JVM shutdown hook, so that SIGTERM or Ctrl-C (which run shutdown hooks; SIGKILL does not) leaves no
 * {@code .NAME.HEX.tmp} or lock file behind.
 *
 * <p>A writer {@linkplain #track tracks} a temporary file before creating it and
 * {@linkplain #untrack untracks} it once it is renamed onto its target or deleted. The hook deletes
 * only the temporary path, never a target: a temporary file renamed just before the hook runs is no
 * longer at that path (the delete finds nothing), and one deleted by the hook just before the rename
 * makes the rename fail, keeping the previous target. Thread-safe.
 */
public final class TempFiles {
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteAll, "softglass-temp-cleanup"));
    }

    private TempFiles() {}

    /** Records {@code temp} (absolute or not) as a file to delete if the JVM shuts down before {@link #untrack}. */
    public static void track(Path temp) { OPEN.add(temp.toAbsolutePath()); }

    /** Forgets {@code temp}: it was renamed onto its target or deleted. */
    public static void untrack(Path temp) { OPEN.remove(temp.toAbsolutePath()); }

    /** A snapshot of the tracked files. */
    static Set<Path> tracked() { return Set.copyOf(OPEN); }

    /** Deletes every tracked file (best effort; the shutdown hook's work). */
    static void deleteAll() {
        for (Path p : Set.copyOf(OPEN)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | RuntimeException ignored) {
                // best effort while the JVM is going down
            }
            OPEN.remove(p);
        }
    }
}
